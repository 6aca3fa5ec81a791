import { type CredentialField, KEPT_SECRET_PLACEHOLDER } from './credential-form.ts';

/** One field of a credential form: input, password, textarea or select, with its help and error. */
export function CredentialFieldInput({
  field,
  value,
  keepsStored,
  error,
  onChange,
}: {
  field: CredentialField;
  value: string;
  /** A blank secret that keeps the stored value. */
  keepsStored: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = `credential-field-${field.name}`;
  const placeholder = keepsStored ? KEPT_SECRET_PLACEHOLDER : (field.placeholder ?? field.defaultValue);
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': error !== undefined,
    'aria-describedby': field.help ? `${id}-help` : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className={error ? 'field field-invalid' : 'field'} data-credential-field={field.name}>
      <label className="field-label" htmlFor={id}>
        {field.label}
        {field.required ? <span className="required-marker"> *</span> : null}
      </label>
      {field.kind === 'select' ? (
        <select {...common}>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : field.kind === 'multiline' ? (
        <textarea {...common} rows={5} spellCheck={false} className="credentials-multiline" />
      ) : (
        <input
          {...common}
          type={field.kind === 'secret' || field.secret ? 'password' : 'text'}
          autoComplete={field.secret ? 'new-password' : 'off'}
          spellCheck={false}
        />
      )}
      {field.help ? (
        <span className="field-hint" id={`${id}-help`}>
          {field.help}
        </span>
      ) : null}
      {error ? <div className="field-problem">{error}</div> : null}
    </div>
  );
}
