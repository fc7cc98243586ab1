import { useFieldArray, useFormContext, type FieldPath } from 'react-hook-form';
import { emptyProperty, type SourceFormValues } from '../schema';

type PropertiesPath = 'properties' | `mappings.${number}.properties`;

/** Key/value rows for `properties` maps (table-level or per column mapping). */
export function PropertyRows({ name, label }: { name: PropertiesPath; label: string }) {
  const { control, register, formState } = useFormContext<SourceFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const errorAt = (i: number): string | undefined => {
    const path = `${name}.${i}.key` as FieldPath<SourceFormValues>;
    const parts = path.split('.');
    let node: unknown = formState.errors;
    for (const part of parts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    return node && typeof node === 'object' && 'message' in node ? String((node as { message?: unknown }).message) : undefined;
  };
  return (
    <div className="ls-props" role="group" aria-label={label}>
      {fields.map((field, i) => {
        const error = errorAt(i);
        return (
          <div key={field.id} className="ls-props__row">
            <input
              className="ls-input"
              aria-label={`${label}: name ${i + 1}`}
              placeholder="name"
              aria-invalid={error ? true : undefined}
              {...register(`${name}.${i}.key`)}
            />
            <input className="ls-input" aria-label={`${label}: value ${i + 1}`} placeholder="value" {...register(`${name}.${i}.value`)} />
            <button
              type="button"
              className="ls-button ls-button--ghost ls-button--icon"
              aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
              onClick={() => remove(i)}
            >
              ✕
            </button>
            {error ? (
              <span className="ls-field-error" role="alert">
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
      <button type="button" className="ls-button ls-button--ghost" onClick={() => append(emptyProperty())}>
        + Add property
      </button>
    </div>
  );
}
