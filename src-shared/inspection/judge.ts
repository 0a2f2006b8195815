import type { DefectClass, LotPlan } from '../events/schemas-inspection';

export const CLASSES: readonly DefectClass[] = ['critical', 'major', 'minor'];

export interface UnitOutcome {
  unitNo: number;
  defective: Record<DefectClass, boolean>;
  counterfeitSignal: boolean;
}

export interface ClassCount {
  defective: number;
  /** Units counted for this class so far (its own n caps it). */
  inspected: number;
  sampleSize: number;
  accept: number;
  reject: number;
  state: 'within' | 'rejected' | 'accepted';
}

export interface Judgement {
  classes: Record<DefectClass, ClassCount>;
  unitsRecorded: number;
  /** Every class is decided (all its units done, or its Re reached). */
  complete: boolean;
  proposal: 'accept' | 'reject' | 'hold' | null;
  counterfeitSuspected: boolean;
  reasons: { en: string; zh: string }[];
}

const NAMES: Record<DefectClass, [string, string]> = {
  critical: ['critical', '致命'],
  major: ['major', '严重'],
  minor: ['minor', '轻微'],
};

/**
 * Running counts of nonconforming units per class against Ac/Re, and the proposal. A class is
 * rejected as soon as its count reaches Re (ISO 2859-1 lets the inspection stop there); it is
 * accepted once its own n units are done with at most Ac. The lot is rejected when any class
 * is; held when a counterfeit signal was seen on a lot that otherwise passes (a manager must
 * look); accepted when every class is.
 */
export function judge(plan: LotPlan, units: readonly UnitOutcome[]): Judgement {
  const sorted = [...units].sort((a, b) => a.unitNo - b.unitNo);
  const count = (c: DefectClass): ClassCount => {
    const p = plan.classes[c];
    const counted = sorted.slice(0, p.sampleSize);
    const defective = counted.filter((u) => u.defective[c]).length;
    const state =
      defective >= p.reject ? 'rejected' : counted.length >= p.sampleSize ? 'accepted' : 'within';
    return {
      defective,
      inspected: counted.length,
      sampleSize: p.sampleSize,
      accept: p.accept,
      reject: p.reject,
      state,
    };
  };
  const classes: Record<DefectClass, ClassCount> = {
    critical: count('critical'),
    major: count('major'),
    minor: count('minor'),
  };
  const counterfeitSuspected = sorted.some((u) => u.counterfeitSignal);
  const rejected = CLASSES.filter((c) => classes[c].state === 'rejected');
  const allDecided = CLASSES.every((c) => classes[c].state !== 'within');
  const reasons: { en: string; zh: string }[] = rejected.map((c) => ({
    en: `${classes[c].defective} ${NAMES[c][0]} nonconforming unit(s): reject number ${classes[c].reject} reached (Ac ${classes[c].accept}, n ${classes[c].sampleSize}).`,
    zh: `${NAMES[c][1]}不合格品 ${classes[c].defective} 件：已达到拒收数 ${classes[c].reject}（Ac ${classes[c].accept}，n ${classes[c].sampleSize}）。`,
  }));
  let proposal: Judgement['proposal'] = null;
  if (rejected.length > 0) proposal = 'reject';
  else if (allDecided) {
    if (counterfeitSuspected) {
      proposal = 'hold';
      reasons.push({
        en: 'A counterfeit signal was seen: hold for the QC manager.',
        zh: '发现疑似假冒迹象：暂扣，待质量经理处理。',
      });
    } else {
      proposal = 'accept';
      reasons.push({
        en: 'Every defect class is within its acceptance number.',
        zh: '各缺陷类别均在接收数以内。',
      });
    }
  }
  return {
    classes,
    unitsRecorded: sorted.length,
    complete: proposal !== null,
    proposal,
    counterfeitSuspected,
    reasons,
  };
}
