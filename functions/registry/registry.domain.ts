/**
 * The registries departments feed (pure): the enterprise registry of the market-regulation
 * department (name, legal representative, founding date, status) and the tax credit grades of the
 * tax department. They are the only source of what decides a loan about a business; nothing of it
 * is self-declared.
 */
import type { TaxGrade } from '../loans/loans.domain';

export const REGISTRY_STATUSES = ['active', 'revoked', 'cancelled'] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

/** How a status reads on the business page, the bank's report and in messages. */
export const REGISTRY_STATUS_LABELS: Record<RegistryStatus, string> = {
  active: '存续',
  revoked: '吊销',
  cancelled: '注销',
};

/** How a status reads where a business is shown — or that the registry holds no entry for it. */
export const registryStatusLabel = (status: RegistryStatus | undefined): string => (status ? REGISTRY_STATUS_LABELS[status] : '未在登记信息中');

/** What a business's tax credit grade is while the tax department has sent none: M, a new taxpayer not yet rated. */
export const DEFAULT_TAX_GRADE: TaxGrade = 'M';

export interface EnterpriseRegistration {
  uscc: string;
  name: string;
  legalRepresentative: string;
  establishedOn: string;
  status: RegistryStatus;
}

export interface TaxGradeRating {
  uscc: string;
  year: number;
  grade: TaxGrade;
}

export interface Stamp {
  department: string;
  receivedAt: string;
  revision: string;
}

export type RegistryEntry = EnterpriseRegistration & Stamp;
export type TaxGradeEntry = TaxGradeRating & Stamp;

/** What the registries hold about one business. */
export interface RegistryRecord {
  entry: RegistryEntry | null;
  taxGrades: TaxGradeEntry[];
}

/** The tax credit grade that applies now: the latest year's, or M while there is none. */
export function currentTaxGrade(grades: readonly TaxGradeRating[]): { grade: TaxGrade; year?: number } {
  const latest = [...grades].sort((a, b) => b.year - a.year)[0];
  return latest ? { grade: latest.grade, year: latest.year } : { grade: DEFAULT_TAX_GRADE };
}

/**
 * What the app shows and decides on about a registered business, from the registries: its status,
 * founding date and tax grade. `status` is undefined only for a business the registry does not
 * (or no longer) hold.
 */
export interface RegistryFacts {
  status?: RegistryStatus;
  name?: string;
  legalRepresentative?: string;
  establishedOn?: string;
  taxCreditGrade: TaxGrade;
  taxGradeYear?: number;
}

export function registryFacts(record: RegistryRecord): RegistryFacts {
  const tax = currentTaxGrade(record.taxGrades);
  const e = record.entry;
  return {
    ...(e ? { status: e.status, name: e.name, legalRepresentative: e.legalRepresentative, establishedOn: e.establishedOn } : {}),
    taxCreditGrade: tax.grade,
    ...(tax.year !== undefined ? { taxGradeYear: tax.year } : {}),
  };
}

/**
 * Names compared as people type them: full-width and half-width forms alike (（）and ()),
 * whitespace ignored, the middle dots of transliterated names unified.
 */
export function normaliseRegistryName(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[•・‧∙⋅]/g, '·');
}

export const sameRegistryName = (a: string, b: string) => normaliseRegistryName(a) === normaliseRegistryName(b);
