import { isIranianMobile } from '@sarnakh/core';
import type { Scorer } from '@sarnakh/plugin-sdk';
import type { HelloSettings } from './settings.js';

/** Points for where a lead came from and for a reachable Iranian mobile, as configured. */
export function sourceFitScorer(settings: () => HelloSettings): Scorer {
  return {
    id: 'hello.source-fit',
    label: { fa: 'تناسب منبع', ar: 'ملاءمة المصدر', en: 'Source fit' },
    score({ lead }) {
      const { sourcePoints, mobileBonus } = settings();
      const reasons = [];
      const points = lead.source === null ? undefined : sourcePoints[lead.source];
      if (points !== undefined && points !== 0) {
        reasons.push({
          rule: `source:${lead.source}`,
          points,
          label: { fa: `منبع ${lead.source}`, ar: `المصدر ${lead.source}`, en: `Source ${lead.source}` },
        });
      }
      if (mobileBonus > 0 && lead.mobile !== null && isIranianMobile(lead.mobile)) {
        reasons.push({
          rule: 'iranian-mobile',
          points: mobileBonus,
          label: { fa: 'موبایل ایران', ar: 'جوال إيراني', en: 'Iranian mobile' },
        });
      }
      return reasons;
    },
  };
}
