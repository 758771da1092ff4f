// Normalizers turn what people type (in Persian, Arabic or English, pasted from anywhere) into
// one canonical form per value, so that storage, duplicate detection and search agree.
export { toAsciiDigits } from './digits.js';
export {
  normalizePhone,
  isIranianMobile,
  toIranianLocal,
  phoneSearchForms,
  type PhoneResult,
} from './phone.js';
export { normalizeNationalCode, type NationalCodeResult } from './national-code.js';
export { normalizeEmail, isValidEmail } from './email.js';
export { normalizeText, normalizeMultilineText } from './text.js';
export { searchKey, searchTerms } from './search-key.js';
