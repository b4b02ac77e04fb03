/**
 * The stated maximum of a free text (issue 10 item 5), part of the field's label so a screen reader
 * reads it too. Longer text is refused with the schema's German message – never cut silently, so
 * the field has no maxLength.
 */
export function TextLimit({ max }: { max: number }) {
  return <span className="text-limit"> (höchstens {max} Zeichen)</span>;
}
