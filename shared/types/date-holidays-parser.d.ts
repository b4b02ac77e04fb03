// date-holidays-parser ships its types as an ambient `declare module`, which its package.json
// "exports" does not point to; pull them in explicitly.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient module types, see above
/// <reference path="../../node_modules/date-holidays-parser/types/index.d.ts" />
