import { searchKey } from '@sarnakh/core';
import { z } from 'zod';

/** "Text contains «دمو» → source `demo-request`, campaign `spring`, tag `demo`." At least one of the three. */
export const keywordRuleSchema = z
  .strictObject({
    keyword: z.string().trim().min(1).max(100),
    source: z.string().trim().min(1).max(100).optional(),
    campaign: z.string().trim().min(1).max(200).optional(),
    tag: z.string().trim().min(1).max(100).optional(),
  })
  .refine((rule) => rule.source !== undefined || rule.campaign !== undefined || rule.tag !== undefined, {
    message: 'Give a source, a campaign or a tag.',
    path: ['source'],
  });

export type KeywordRule = z.output<typeof keywordRuleSchema>;

export interface KeywordMatch {
  /** The first matching rule's source, if any gives one. */
  source: string | null;
  campaign: string | null;
  /** Every matching rule's tag, in rule order, once each. */
  tags: string[];
}

/**
 * Apply a line's rules to a message. Matching folds digits, letter variants (ي/ی, ك/ک), case and
 * zero-width joiners, so «دمو», «دموي» and «DEMO» match as a person would expect.
 */
export function matchKeywords(rules: readonly KeywordRule[], text: string): KeywordMatch {
  const haystack = searchKey(text);
  const out: KeywordMatch = { source: null, campaign: null, tags: [] };
  for (const rule of rules) {
    if (!haystack.includes(searchKey(rule.keyword))) continue;
    if (rule.source && out.source === null) out.source = rule.source;
    if (rule.campaign && out.campaign === null) out.campaign = rule.campaign;
    if (rule.tag && !out.tags.includes(rule.tag)) out.tags.push(rule.tag);
  }
  return out;
}
