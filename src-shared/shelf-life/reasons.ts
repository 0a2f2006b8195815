import { addDays, parseIsoDate } from '../util/dates';
import type { IsoDate } from '../util/dates';
import { removalWindowFor } from './rules';
import type { ShelfLifeRules } from './rules';

export type ReasonLanguage = 'en' | 'zh-CN';

/**
 * Why a lot was accepted or refused at receipt, as data: the UI, the printed refusal slip and
 * the event log all render it from the code and numbers, never from a stored sentence.
 * When several rules fail, the reason names the most serious one: expired, then inside the
 * removal window (the lot could not even go on sale), then too little of its life left.
 */
export type AcceptanceReason =
  | {
      readonly code: 'accepted';
      readonly params: {
        readonly remainingDays: number;
        readonly minRemainingDays: number;
        readonly totalDays: number;
        readonly removalWindowDays: number;
        readonly num: number;
        readonly den: number;
        readonly binding: 'fraction' | 'removal-window' | 'none';
      };
    }
  | {
      readonly code: 'expired';
      readonly params: { readonly remainingDays: number; readonly expiry: IsoDate };
    }
  | {
      readonly code: 'within-removal-window';
      readonly params: { readonly remainingDays: number; readonly removalWindowDays: number };
    }
  | {
      readonly code: 'below-min-fraction';
      readonly params: {
        readonly remainingDays: number;
        readonly requiredDays: number;
        readonly totalDays: number;
        readonly num: number;
        readonly den: number;
      };
    };

export type AcceptanceReasonCode = AcceptanceReason['code'];

const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;

function renderEnglish(reason: AcceptanceReason): string {
  switch (reason.code) {
    case 'accepted': {
      const p = reason.params;
      if (p.binding === 'none') return `${days(p.remainingDays)} left, no minimum required`;
      const why =
        p.binding === 'fraction'
          ? `${p.num}/${p.den} of ${p.totalDays}`
          : `more than the ${p.removalWindowDays}-day removal window`;
      return `${days(p.remainingDays)} left, at least ${p.minRemainingDays} required (${why})`;
    }
    case 'expired':
      return `expired ${days(-reason.params.remainingDays)} before receipt (expiry ${reason.params.expiry})`;
    case 'within-removal-window':
      return `${days(reason.params.remainingDays)} left, must be more than the ${reason.params.removalWindowDays}-day removal window`;
    case 'below-min-fraction': {
      const p = reason.params;
      return `${days(p.remainingDays)} left, ${p.requiredDays} required (${p.num}/${p.den} of ${p.totalDays})`;
    }
  }
}

function renderChinese(reason: AcceptanceReason): string {
  switch (reason.code) {
    case 'accepted': {
      const p = reason.params;
      if (p.binding === 'none') return `剩余${p.remainingDays}天，无最低要求`;
      const why =
        p.binding === 'fraction'
          ? `总保质期${p.totalDays}天的${p.num}/${p.den}`
          : `须多于${p.removalWindowDays}天的下架期`;
      return `剩余${p.remainingDays}天，满足至少${p.minRemainingDays}天的要求（${why}）`;
    }
    case 'expired':
      return `收货时已过期${-reason.params.remainingDays}天（到期日${reason.params.expiry}）`;
    case 'within-removal-window':
      return `剩余${reason.params.remainingDays}天，须多于${reason.params.removalWindowDays}天的下架期`;
    case 'below-min-fraction': {
      const p = reason.params;
      return `剩余${p.remainingDays}天，要求至少${p.requiredDays}天（总保质期${p.totalDays}天的${p.num}/${p.den}）`;
    }
  }
}

export function renderReason(reason: AcceptanceReason, lang: ReasonLanguage): string {
  return lang === 'en' ? renderEnglish(reason) : renderChinese(reason);
}

/**
 * The sentence the rule editor shows under the table while the QC manager edits it, e.g.
 * "a 300-day product expiring 2027-06-30 leaves sale on 2027-05-01".
 */
export function preview(
  rules: ShelfLifeRules,
  totalDays: number,
  expiry: IsoDate,
  lang: ReasonLanguage = 'en',
): string {
  if (!parseIsoDate(expiry)) {
    return lang === 'en' ? `${expiry} is not a calendar date` : `${expiry}不是有效日期`;
  }
  const window = Number.isInteger(totalDays) ? removalWindowFor(rules, totalDays) : null;
  if (window === null) {
    return lang === 'en'
      ? `no row of the table covers a ${totalDays}-day product`
      : `下架规则表没有覆盖保质期${totalDays}天的商品`;
  }
  const removal = addDays(expiry, -window);
  return lang === 'en'
    ? `a ${totalDays}-day product expiring ${expiry} leaves sale on ${removal}`
    : `保质期${totalDays}天的商品于${expiry}到期，${removal}下架`;
}
