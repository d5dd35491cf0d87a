/**
 * strands-cli's redaction rules for captured span content: e-mail addresses, card numbers (Luhn
 * checked), US social security numbers, phone numbers, long tokens, and values under secret-like
 * keys. Every expression here is linear (no nested quantifiers), so a hostile text cannot stall it.
 */

/** Markers that replace what each rule finds. */
export const Marker = {
  email: '[REDACTED_EMAIL]',
  card: '[REDACTED_CARD]',
  ssn: '[REDACTED_SSN]',
  phone: '[REDACTED_PHONE]',
  token: '[REDACTED_TOKEN]',
  secret: '[REDACTED]',
  custom: '[REDACTED_CUSTOM]',
} as const;

// Bounded repetitions: a long run of letters with no `@` costs linear time, not quadratic.
const emailPattern =
  /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
const cardPattern = /\b\d(?:[ -]?\d){12,18}\b/g;
const ssnPattern = /\b\d{3}-\d{2}-\d{4}\b/g;
const phonePattern = /(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\b\d{3})[ .-]?\d{3}[ .-]?\d{4}\b/g;
const tokenPattern = /[A-Za-z0-9_-]{32,}/g;
/** `api_key: value`, `"password": "value"`, `token=value` in free text: the key stays, the value goes. */
const keyedValuePattern =
  /\b(\w{0,40}(?:key|token|secret|password|passwd|credential)\w{0,40}["']?[ \t]{0,8}[:=][ \t]{0,8}["']?)([^"'\s,;}]+)/gi;
/** Object keys whose values are masked whole. */
const secretKeyPattern = /key|token|secret|password|passwd|credential/i;

/** True when the digits of `text` pass the Luhn check (card numbers do; most numbers do not). */
export function luhnValid(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `text` with every built-in rule applied, most specific first. */
export function redactPii(text: string): string {
  return text
    .replace(keyedValuePattern, (_match, key: string) => `${key}${Marker.secret}`)
    .replace(emailPattern, Marker.email)
    .replace(cardPattern, (match) => (luhnValid(match) ? Marker.card : match))
    .replace(ssnPattern, Marker.ssn)
    .replace(phonePattern, Marker.phone)
    .replace(tokenPattern, Marker.token);
}

/** Whether a member named `key` holds a secret (its value is masked whole). */
export function isSecretKey(key: string): boolean {
  return secretKeyPattern.test(key);
}
