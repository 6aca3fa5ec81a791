import { z } from 'zod';
import { ErrorDataSchema } from './errors.ts';

// The designer's credentials: what a connector node's credential slot names by id. The values live
// in the host's encrypted store, never in a flow; secret fields go into the store and never come
// back out through the FlowApi (the form shows whether one is set, and leaves it as it is unless
// the user types a new one).

/** A credential id as flows reference it. */
export const CredentialIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'must start with a letter or digit and hold only letters, digits, ".", "_" and "-" (at most 64)',
  );

/** One field of a credential type's form. */
export const CredentialFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  /** `secret`: typed but never shown again; `multiline`: pasted text such as an .ionapi file. */
  kind: z.enum(['text', 'secret', 'multiline', 'select']),
  /** Secret values never come back from the store. */
  secret: z.boolean(),
  required: z.boolean(),
  /** The choices of a `select`. */
  options: z.array(z.string()).optional(),
  /** What the field takes when left empty. */
  defaultValue: z.string().optional(),
  placeholder: z.string().optional(),
  help: z.string().optional(),
  /** Shown (and stored) only when another field has one of these values (M3: Basic or ION API). */
  when: z.object({ field: z.string(), equals: z.array(z.string()) }).optional(),
});

/** A credential type and its form. */
export const CredentialTypeSchema = z.object({
  type: z.string(),
  title: z.string(),
  fields: z.array(CredentialFieldSchema),
  /** Whether "Test connection" applies: a webhook secret has nothing to connect to. */
  testable: z.boolean(),
});

/** A stored credential as the designer may see it: no secret value. */
export const StoredCredentialSchema = z.object({
  id: z.string(),
  type: z.string(),
  /** ISO time of the last save. */
  updatedAt: z.string(),
  /** Values of the fields that are not secret (URLs, company, user name). */
  values: z.record(z.string(), z.string()),
  /** Names of the secret fields that hold a value. */
  secretsSet: z.array(z.string()),
});

/** Where credentials are kept and whether they can be saved there. */
export const CredentialStoreInfoSchema = z.object({
  writable: z.boolean(),
  /** Why not, and what to do about it, when not writable. */
  reason: z.string().optional(),
  /** Where they are kept (a file path, or the OS key store's name). */
  location: z.string(),
});

/** A credential as the form holds it. */
export const CredentialDraftSchema = z.object({
  type: z.string().min(1),
  fields: z.record(z.string(), z.string()),
  /**
   * Secret fields left blank that keep the value stored under `id` (editing a credential without
   * retyping its password).
   */
  keep: z.array(z.string()).default([]),
});

/** What "Test connection" answers: ok with what was found, or the system's own reason. */
export const ConnectionTestResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: z.string(), durationMs: z.number() }),
  z.object({ ok: z.literal(false), error: ErrorDataSchema, durationMs: z.number() }),
]);

export const CREDENTIAL_METHODS = {
  /** The store, the credential types with their forms, and every stored credential (no secrets). */
  listCredentials: {
    input: z.object({}),
    output: z.object({
      store: CredentialStoreInfoSchema,
      types: z.array(CredentialTypeSchema),
      credentials: z.array(StoredCredentialSchema),
    }),
  },
  /** Adds or replaces the credential `id`; every field is checked first, by name. */
  saveCredential: {
    input: CredentialDraftSchema.extend({ id: CredentialIdSchema }),
    output: StoredCredentialSchema,
  },
  /** Removes the credential `id`; flows that name it report it missing. */
  deleteCredential: { input: z.object({ id: CredentialIdSchema }), output: z.object({}) },
  /**
   * One cheap read with the form's values (saved or not); `id` fills in the secrets listed in
   * `keep` from the stored credential.
   */
  testCredential: {
    input: CredentialDraftSchema.extend({ id: CredentialIdSchema.optional() }),
    output: ConnectionTestResultSchema,
  },
} as const;
