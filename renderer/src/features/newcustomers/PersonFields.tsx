import type { Ref } from 'react';
import { NEW_CUSTOMER_NAME_MAX } from '@shared/model';
import { DateInput } from '../../ui/DateTimeInput';
import { TextLimit } from '../../ui/TextLimit';

/** A new customer's intake data as typed; the date of birth as DateInput gives it (ISO, '' or the text). */
export interface PersonFormValues {
  name: string;
  birthDate: string;
  bgNumber: string;
  phone: string;
}

/** The field ids, so a form can put the focus where an error is. */
export const personFieldId = (prefix: string, field: keyof PersonFormValues) => `${prefix}-${field}`;

/**
 * The intake data of a new customer (issue 9 items 1, 2; seed §1.1): no more than the intake needs –
 * name, date of birth or BG number, phone (optional). One set of fields for the counter and for the
 * applications by other channels.
 */
export function PersonFields({
  idPrefix,
  value,
  onChange,
  nameRef,
}: {
  idPrefix: string;
  value: PersonFormValues;
  onChange: (patch: Partial<PersonFormValues>) => void;
  nameRef?: Ref<HTMLInputElement>;
}) {
  const id = (field: keyof PersonFormValues) => personFieldId(idPrefix, field);
  return (
    <>
      <div className="field">
        <label htmlFor={id('name')}>
          Name der antragstellenden Person
          <TextLimit max={NEW_CUSTOMER_NAME_MAX} />
        </label>
        <input ref={nameRef} id={id('name')} type="text" autoComplete="off" value={value.name} onChange={(e) => onChange({ name: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={id('birthDate')}>Geburtsdatum (TT.MM.JJJJ)</label>
        <DateInput id={id('birthDate')} value={value.birthDate} onValueChange={(v) => onChange({ birthDate: v })} />
      </div>
      <div className="field">
        <label htmlFor={id('bgNumber')}>BG-Nummer (wenn kein Geburtsdatum)</label>
        <input id={id('bgNumber')} type="text" autoComplete="off" value={value.bgNumber} onChange={(e) => onChange({ bgNumber: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={id('phone')}>Telefon (freiwillig)</label>
        <input id={id('phone')} type="tel" autoComplete="off" value={value.phone} onChange={(e) => onChange({ phone: e.target.value })} />
      </div>
    </>
  );
}
