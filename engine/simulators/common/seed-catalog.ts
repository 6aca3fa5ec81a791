import { SeededRandom } from './seeded-random.ts';

// One catalog of products and people, generated from the seed, that all three simulators draw
// their seed data from: the same shirt is a 3dcart product, a Sage 300 item and an M3 item, and
// the same person a 3dcart customer and (mostly) an ERP customer. A few of each are deliberately
// missing on the ERP side, as in real installations (new SKUs not yet set up in the ERP).

/** A sellable variant of a product (3dcart AdvancedOption with its own SKU and stock). */
export interface CatalogVariant {
  sku: string;
  /** Option text as 3dcart shows it, e.g. `Color: Red, Size: M`. */
  options: string;
  /** Short code used in ERP item numbers, e.g. `RM`. */
  code: string;
  priceDelta: number;
}

export interface CatalogProduct {
  /** 3dcart SKU of the product. */
  sku: string;
  name: string;
  category: string;
  price: number;
  weight: number;
  variants: CatalogVariant[];
  /** Whether the ERPs know this product (about 9 in 10 do). */
  inErp: boolean;
  /** Sage 300 formatted item number of the product or of each variant code: `AP-1001/0`, `AP-1001/RM`. */
  sageItemNumber(variantCode?: string): string;
  /** M3 item number (ITNO, ≤ 15 characters): `AP1001`, `AP1001RM`. */
  m3ItemNumber(variantCode?: string): string;
}

export interface CatalogAddress {
  street: string;
  street2: string;
  city: string;
  /** State or province code where the country has them, else a region name or empty. */
  state: string;
  zip: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface CatalogPerson {
  firstName: string;
  lastName: string;
  email: string;
  company: string;
  phone: string;
  address: CatalogAddress;
  /** Whether the ERPs have this person as a customer (about 4 in 5). */
  inErp: boolean;
  /** Sage 300 customer number (≤ 12): `C000017`. */
  sageCustomerNumber: string;
  /** M3 customer number (CUNO, ≤ 10): `10000017`. */
  m3CustomerNumber: string;
}

const CATEGORIES = [
  {
    code: 'AP',
    name: 'Apparel',
    words: ['T-shirt', 'Hoodie', 'Polo', 'Cap', 'Jacket'],
    sized: true,
    price: [12, 90],
  },
  {
    code: 'HM',
    name: 'Home',
    words: ['Mug', 'Candle', 'Blanket', 'Vase', 'Lamp'],
    sized: false,
    price: [8, 120],
  },
  {
    code: 'OF',
    name: 'Office',
    words: ['Notebook', 'Pen set', 'Desk mat', 'Stapler', 'Organizer'],
    sized: false,
    price: [4, 60],
  },
  {
    code: 'OD',
    name: 'Outdoor',
    words: ['Water bottle', 'Backpack', 'Tent', 'Lantern', 'Chair'],
    sized: false,
    price: [15, 250],
  },
] as const;
const COLOURS = [
  ['Red', 'R'],
  ['Blue', 'B'],
  ['Black', 'K'],
] as const;
const SIZES = ['S', 'M', 'L'] as const;

/** Products for a seed: `count` of them, numbered from 1001. */
export function catalogProducts(seed: number, count = 200): CatalogProduct[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const category = CATEGORIES[index % CATEGORIES.length] ?? CATEGORIES[0];
    const number = 1001 + index;
    const word = random.pick(category.words);
    const withVariants = category.sized && random.chance(0.6);
    const variants: CatalogVariant[] = withVariants
      ? COLOURS.flatMap(([colour, colourCode]) =>
          SIZES.map((size) => ({
            sku: `${category.code}-${number}-${colour.toUpperCase()}-${size}`,
            options: `Color: ${colour}, Size: ${size}`,
            code: `${colourCode}${size}`,
            priceDelta: size === 'L' ? 2 : 0,
          })),
        )
      : [];
    return {
      sku: `${category.code}-${number}`,
      name: `${random.pick(['Classic', 'Premium', 'Everyday', 'Trail', 'Studio'])} ${word} ${number}`,
      category: category.name,
      price: random.money(category.price[0], category.price[1]),
      weight: random.money(0.1, 5),
      variants,
      inErp: random.chance(0.9),
      sageItemNumber: (code = '0') => `${category.code}-${number}/${code}`,
      m3ItemNumber: (code = '') => `${category.code}${number}${code}`,
    };
  });
}

const FIRST_NAMES = [
  'Ann',
  'Bo',
  'Carlos',
  'Dana',
  'Eve',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jo',
  'Kai',
  'Lena',
  'Mo',
  'Nia',
  'Omar',
];
const LAST_NAMES = [
  'Lee',
  'Chen',
  'Smith',
  'Garcia',
  'Johnson',
  'Brown',
  'Patel',
  'Nguyen',
  'Kim',
  'Lopez',
  'Walker',
  'Young',
];
/** International people with non-ASCII names and their home addresses. */
const INTERNATIONAL: readonly Omit<
  CatalogPerson,
  'email' | 'inErp' | 'sageCustomerNumber' | 'm3CustomerNumber' | 'phone' | 'company'
>[] = [
  {
    firstName: 'José',
    lastName: 'Álvarez',
    address: {
      street: 'Calle de Alcalá 42',
      street2: '3º B',
      city: 'Madrid',
      state: '',
      zip: '28014',
      country: 'ES',
    },
  },
  {
    firstName: 'Zoë',
    lastName: 'Müller',
    address: {
      street: 'Königstraße 7',
      street2: '',
      city: 'Stuttgart',
      state: '',
      zip: '70173',
      country: 'DE',
    },
  },
  {
    firstName: 'Søren',
    lastName: 'Kierkegård',
    address: {
      street: 'Nørregade 10',
      street2: '',
      city: 'København',
      state: '',
      zip: '1165',
      country: 'DK',
    },
  },
  {
    firstName: '健',
    lastName: '渡辺',
    address: {
      street: '丸の内1-9-1',
      street2: '',
      city: '千代田区',
      state: 'Tokyo',
      zip: '100-0005',
      country: 'JP',
    },
  },
  {
    firstName: 'Łukasz',
    lastName: 'Wiśniewski',
    address: {
      street: 'ul. Marszałkowska 84',
      street2: 'lok. 12',
      city: 'Warszawa',
      state: '',
      zip: '00-514',
      country: 'PL',
    },
  },
  {
    firstName: 'Chloé',
    lastName: 'Lefèvre',
    address: {
      street: '12 rue de Rivoli',
      street2: '',
      city: 'Paris',
      state: '',
      zip: '75004',
      country: 'FR',
    },
  },
  {
    firstName: 'Siobhán',
    lastName: "O'Brien",
    address: {
      street: '221B Baker Street',
      street2: '',
      city: 'London',
      state: '',
      zip: 'NW1 6XE',
      country: 'GB',
    },
  },
  {
    firstName: 'Émile',
    lastName: 'Tremblay',
    address: {
      street: '1000 rue Sherbrooke O',
      street2: 'Bureau 500',
      city: 'Montréal',
      state: 'QC',
      zip: 'H3A 3G4',
      country: 'CA',
    },
  },
];
const US_CITIES = [
  ['Austin', 'TX', '78701'],
  ['Denver', 'CO', '80202'],
  ['Portland', 'OR', '97205'],
  ['Boston', 'MA', '02108'],
  ['Miami', 'FL', '33130'],
  ['Chicago', 'IL', '60601'],
  ['Seattle', 'WA', '98101'],
  ['Toronto', 'ON', 'M5H 2N2'],
] as const;

/** People for a seed: one in ten international, the rest in the US (and a few in Canada). */
export function catalogPeople(seed: number, count = 100): CatalogPerson[] {
  const random = new SeededRandom(seed ^ 0x9e3779b9);
  return Array.from({ length: count }, (_, index) => {
    const international =
      index % 10 === 7 ? INTERNATIONAL[((index / 10) % INTERNATIONAL.length) | 0] : undefined;
    const firstName = international?.firstName ?? random.pick(FIRST_NAMES);
    const lastName = international?.lastName ?? random.pick(LAST_NAMES);
    const [city, state, zip] = random.pick(US_CITIES);
    const number = String(index + 1).padStart(6, '0');
    return {
      firstName,
      lastName,
      email: `${asciiLocalPart(firstName)}.${asciiLocalPart(lastName)}${index + 1}@example.com`,
      company: random.chance(0.3)
        ? `${lastName} ${random.pick(['Trading', 'Design', 'Studio', 'Supply'])}`
        : '',
      phone: `+1 555 ${String(random.integer(100, 999))} ${String(random.integer(1000, 9999))}`,
      address: international?.address ?? {
        street: `${random.integer(1, 9999)} ${random.pick(['Main', 'Oak', 'Pine', 'Maple', 'Cedar'])} St`,
        street2: random.chance(0.2) ? `Suite ${random.integer(100, 999)}` : '',
        city,
        state,
        zip,
        country: state === 'ON' ? 'CA' : 'US',
      },
      inErp: random.chance(0.8),
      sageCustomerNumber: `C${number}`,
      m3CustomerNumber: `1${number.padStart(7, '0')}`,
    };
  });
}

/** E-mail local parts are ASCII: accents dropped, other scripts replaced. */
function asciiLocalPart(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
  return ascii || 'customer';
}
