import { gtinCheckDigit } from '../../src-shared/gs1';
import skuTable from '../../resources/demo/skus.tsv?raw';

/**
 * Demo master data: fictional suppliers and brands (no real trade marks), GS1 China prefixes
 * (690–699) with check digits computed, shelf lives typical of each category.
 */

/** GTIN-14 of a consumer unit from its 12 leading EAN-13 digits. */
export function unitGtin(ean12: string): string {
  return `0${ean12}${gtinCheckDigit(ean12)}`;
}

/** GTIN-14 of a case: indicator digit 1 in front of the unit's first 12 digits. */
export function caseGtin(ean12: string): string {
  const body = `1${ean12}`;
  return `${body}${gtinCheckDigit(body)}`;
}

export interface DemoSupplier {
  id: string;
  code: string;
  name: string;
  standing: 'approved' | 'probation' | 'suspended' | 'blacklisted';
  contact: string;
  cumulativeSalesCny: number;
  /** Days from today the supplier's documents and audit stay valid (negative: expired). */
  auditValidDays: number;
  documentValidDays: number;
  documents: readonly (
    | 'business-licence'
    | 'brand-authorisation'
    | 'food-production-licence'
    | 'cosmetics-filing'
    | 'ccc-certificate'
  )[];
  /** One document that has expired, if any. */
  expiredDocument?: 'brand-authorisation' | 'food-production-licence';
}

export const demoSuppliers: readonly DemoSupplier[] = [
  {
    id: 'sup-northfield',
    code: 'SUP-001',
    name: 'Northfield Dairy Co. 北原乳业',
    standing: 'approved',
    contact: 'Wang Fang +86 10 5550 1001',
    cumulativeSalesCny: 18_400_000,
    auditValidDays: 240,
    documentValidDays: 400,
    documents: ['business-licence', 'food-production-licence', 'brand-authorisation'],
  },
  {
    id: 'sup-littlepanda',
    code: 'SUP-002',
    name: 'Little Panda Infant Nutrition 小熊猫营养',
    standing: 'approved',
    contact: 'Chen Jing +86 451 5550 2002',
    cumulativeSalesCny: 42_750_000,
    auditValidDays: 150,
    documentValidDays: 300,
    documents: ['business-licence', 'food-production-licence', 'brand-authorisation'],
  },
  {
    id: 'sup-crunchfox',
    code: 'SUP-003',
    name: 'Crunch Fox Snacks 脆狐食品',
    standing: 'probation',
    contact: 'Liu Yang +86 553 5550 3003',
    cumulativeSalesCny: 6_120_000,
    auditValidDays: 60,
    documentValidDays: 200,
    documents: ['business-licence', 'food-production-licence'],
  },
  {
    id: 'sup-clearspring',
    code: 'SUP-004',
    name: 'Clear Spring Beverages 清泉饮品',
    standing: 'approved',
    contact: 'Zhao Lei +86 571 5550 4004',
    cumulativeSalesCny: 23_900_000,
    auditValidDays: 300,
    documentValidDays: 500,
    documents: ['business-licence', 'food-production-licence', 'brand-authorisation'],
  },
  {
    id: 'sup-jadelotus',
    code: 'SUP-005',
    name: 'Jade Lotus Cosmetics 玉莲化妆品',
    standing: 'approved',
    contact: 'Sun Li +86 21 5550 5005',
    cumulativeSalesCny: 9_800_000,
    auditValidDays: -12,
    documentValidDays: 180,
    documents: ['business-licence', 'cosmetics-filing', 'brand-authorisation'],
  },
  {
    id: 'sup-homebright',
    code: 'SUP-006',
    name: 'HomeBright Appliances 家明电器',
    standing: 'approved',
    contact: 'Zhou Tao +86 757 5550 6006',
    cumulativeSalesCny: 31_000_000,
    auditValidDays: 200,
    documentValidDays: 365,
    documents: ['business-licence', 'ccc-certificate', 'brand-authorisation'],
  },
  {
    id: 'sup-goldenharvest',
    code: 'SUP-007',
    name: 'Golden Harvest Trading 金禾贸易',
    standing: 'blacklisted',
    contact: 'Ma Qiang +86 20 5550 7007',
    cumulativeSalesCny: 2_300_000,
    auditValidDays: 30,
    documentValidDays: 90,
    documents: ['business-licence'],
  },
  {
    id: 'sup-easternstar',
    code: 'SUP-008',
    name: 'Eastern Star Foods 东星食品',
    standing: 'suspended',
    contact: 'Hu Min +86 27 5550 8008',
    cumulativeSalesCny: 4_450_000,
    auditValidDays: 45,
    documentValidDays: 120,
    documents: ['business-licence', 'food-production-licence'],
  },
  {
    id: 'sup-meadowgold',
    code: 'SUP-009',
    name: 'Meadow Gold Foods 金牧食品',
    standing: 'approved',
    contact: 'Xu Na +86 22 5550 9009',
    cumulativeSalesCny: 12_600_000,
    auditValidDays: 120,
    documentValidDays: 250,
    documents: ['business-licence', 'food-production-licence', 'brand-authorisation'],
    expiredDocument: 'brand-authorisation',
  },
];

export interface DemoSku {
  ean12: string;
  name: string;
  nameZh: string;
  brand: string;
  category: string;
  shelfLifeDays: number | null;
  unitsPerCase: number;
  supplierId: string;
}

/** Parses resources/demo/skus.tsv (one SKU per line; `#` comments; a header row). */
export function parseSkuTable(text: string): DemoSku[] {
  const rows = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  return rows.slice(1).map((line, i) => {
    const [ean12, name, nameZh, brand, category, shelfLife, unitsPerCase, supplierId] =
      line.split('\t');
    if (
      !ean12 ||
      !/^\d{12}$/.test(ean12) ||
      !name ||
      !nameZh ||
      !brand ||
      !category ||
      !unitsPerCase ||
      !supplierId
    ) {
      throw new Error(`resources/demo/skus.tsv row ${i + 2} is incomplete`);
    }
    return {
      ean12,
      name,
      nameZh,
      brand,
      category,
      shelfLifeDays: shelfLife ? Number(shelfLife) : null,
      unitsPerCase: Number(unitsPerCase),
      supplierId,
    };
  });
}

export const demoSkus: readonly DemoSku[] = parseSkuTable(skuTable);

export interface DemoUser {
  id: string;
  name: string;
  role: 'inspector' | 'qc-manager' | 'admin';
  badge: string;
  pin: string;
  /**
   * The PIN's scrypt hash, computed once ahead of time: the demo PINs are public (README), and
   * hashing four PINs at every fresh demo start would cost a few hundred milliseconds of the
   * station's start-up. A test checks each hash against its PIN.
   */
  pinHash: string;
}

/** Listed in the README; only the hashes reach the log. */
export const demoUsers: readonly DemoUser[] = [
  {
    id: 'usr-inspector-1',
    name: 'Li Wei 李伟',
    role: 'inspector',
    badge: 'QCS-INSP-0001',
    pin: '1234',
    pinHash: 'scrypt$16384$8$1$R_2u5SKzLJNloFF6MnAUYw$qFJRz4i6TukJEev54MbGlwrgbvpKCnTCeROFsarvSRE',
  },
  {
    id: 'usr-inspector-2',
    name: 'Zhao Yan 赵燕',
    role: 'inspector',
    badge: 'QCS-INSP-0002',
    pin: '2345',
    pinHash: 'scrypt$16384$8$1$rIPwZ-ORyuVksK62euuGBA$0Onr55d9yplb-d1ux6MXOq1vukJwUUito7bnXJuBLQM',
  },
  {
    id: 'usr-manager-1',
    name: 'Zhang Min 张敏',
    role: 'qc-manager',
    badge: 'QCS-MGR-0001',
    pin: '5678',
    pinHash: 'scrypt$16384$8$1$ePV_UpwlpiQnxPGbYhv15w$-KK-D4e3GYX9bhKI48PJ6JO5B_mc-vHi2G7YZ4AFuRA',
  },
  {
    id: 'usr-admin-1',
    name: 'Station Admin 管理员',
    role: 'admin',
    badge: 'QCS-ADM-0001',
    pin: '9999',
    pinHash: 'scrypt$16384$8$1$8GU8ofq0AqVRL-wjRzFSmA$aTcpGek52S1ZHNYe6gYzPUREH4QQciagsrYVpZT7nmQ',
  },
];
