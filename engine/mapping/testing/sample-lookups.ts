import { catalogPeople, catalogProducts } from '../../simulators/common/seed-catalog.ts';
import { openDatabase } from '../../store/database.ts';
import { CachedLookupResolver } from '../lookups/lookup-resolver.ts';
import { LookupTableRepository } from '../lookups/lookup-table-repository.ts';

/**
 * The lookup tables an order-to-Sage mapping needs, filled from the seed catalog (the same
 * data the simulators serve), in an in-memory store: SKU → Sage item (products unknown to the
 * ERP are left out, so they miss), e-mail → customer number (case-insensitive), shipping
 * method → ship-via code.
 */
export function createSampleLookups(seed: number): {
  repository: LookupTableRepository;
  resolver: CachedLookupResolver;
} {
  const repository = new LookupTableRepository(openDatabase(':memory:'));
  repository.createTable({ name: 'sku-to-sage-item', keyLabel: 'SKU' });
  repository.writeRows(
    'sku-to-sage-item',
    catalogProducts(seed)
      .filter((product) => product.inErp)
      .flatMap((product) => [
        { key: product.sku, value: product.sageItemNumber() },
        ...product.variants.map((variant) => ({
          key: variant.sku,
          value: product.sageItemNumber(variant.code),
        })),
      ]),
    'replace',
  );
  repository.createTable({ name: 'email-to-sage-customer', keyLabel: 'E-mail', defaultValue: 'WEBCUST' });
  repository.writeRows(
    'email-to-sage-customer',
    catalogPeople(seed)
      .filter((person) => person.inErp)
      .map((person) => ({
        key: person.email,
        value: person.sageCustomerNumber,
        match: 'caseInsensitive' as const,
      })),
    'replace',
  );
  repository.createTable({ name: 'shipping-method-to-ship-via', keyLabel: 'Shipping method' });
  repository.writeRows(
    'shipping-method-to-ship-via',
    [
      // The Sage sandbox's OE ship-via codes (it seeds DHL, FEDEX, PICKUP, UPS, USPS).
      { key: 'UPS Ground', value: 'UPS' },
      { key: 'FedEx *', value: 'FEDEX', match: 'pattern' as const },
      { key: 'USPS *', value: 'USPS', match: 'pattern' as const },
    ],
    'replace',
  );
  return { repository, resolver: new CachedLookupResolver(repository) };
}
