import { searchKey } from '../normalize/index.js';

/**
 * Words that say what kind of company a name is, not which one: «شرکت فولاد مبارکه» and
 * «فولاد مبارکه (سهامی عام)» name one organization. Compared after `searchKey`, so Arabic and
 * Persian letter variants (شركة/شرکت) fold together.
 */
const DESIGNATIONS = [
  'شرکت', 'شركة', 'موسسه', 'مؤسسه', 'مؤسسة', 'گروه', 'هلدینگ', 'سهامی', 'خاص', 'عام', 'با', 'مسئولیت', 'محدود',
  'تعاونی', 'ش', 'م', 'ع', 'ذ', 'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'ltd', 'limited',
  'plc', 'gmbh', 'sa', 'fze', 'fzco', 'fzc', 'group', 'holding',
].map(searchKey);
const designations = new Set(DESIGNATIONS);

/** Punctuation between words of a company name («ش.م.ع»، "Acme, Inc.") reads as a space. */
const PUNCTUATION = /[.,،؛;:()[\]{}"'«»\-_/\\&+!?؟]+/gu;

/**
 * The key organizations are deduplicated by: letters folded across scripts, digits in ASCII,
 * case and spacing ignored, and the legal designations at either end dropped. A name that is
 * nothing but designations keys as itself.
 */
export function organizationNameKey(name: string): string {
  const words = searchKey(name).replace(PUNCTUATION, ' ').split(' ').filter((w) => w !== '');
  let start = 0;
  let end = words.length;
  while (start < end && designations.has(words[start]!)) start++;
  while (end > start && designations.has(words[end - 1]!)) end--;
  const core = words.slice(start, end);
  return (core.length > 0 ? core : words).join(' ');
}
