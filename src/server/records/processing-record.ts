// Builds the processing record (GDPR Art. 30(1), behandlingsprotokoll) of one municipality from
// what the database says today: its settings, how many accounts hold each role, who hosts the
// instance and (once sign-in through an identity provider is merged) its provider. Pure: the
// route reads the inputs (../repositories/records.ts) and hands them in, so a test can build a
// record from any inputs. What the app does by design (the purposes, what it never keeps, the
// security measures) is written here as stable keys; docs/architecture.md and the README explain
// each one, and the staff app's `records` texts say them in words.
import {
  PROCESSING_RECORD_FORMAT,
  RECORD_DATA_SUBJECTS,
  RECORD_PURPOSES,
  RECORD_RESPONDENT_DATA,
  RECORD_SECURITY_MEASURES,
  RECORD_STAFF_DATA,
  type ProcessingRecord,
} from '../../shared/api/records';
import { STAFF_ROLES, type StaffRole } from '../../shared/api/staff';
import { MEETING_LIMITS } from '../../shared/meetings';
import { MIN_THRESHOLD } from '../../shared/rounds';
import { SESSION_DAYS } from '../auth/cookie';
import type { RecordMunicipality } from '../repositories/records';

export interface ProcessingRecordInputs {
  municipality: RecordMunicipality;
  accountsByRole: Partial<Record<StaffRole, number>>;
  /** A hosting operator runs the instance (several municipalities, or an operator account). */
  operatorHosted: boolean;
  /** The municipality's own identity provider for staff sign-in; null when none (or not wired yet). */
  identityProvider: { issuer: string } | null;
  /** YYYY-MM-DD in Oslo. */
  today: string;
}

export function buildProcessingRecord(inputs: ProcessingRecordInputs): ProcessingRecord {
  const { municipality: m } = inputs;
  return {
    formatVersion: PROCESSING_RECORD_FORMAT,
    generatedOn: inputs.today,
    controller: {
      municipalityId: m.id,
      name: m.name,
      number: m.number,
      language: m.language,
      contact: m.controllerContact,
    },
    dataProtectionOfficer: { contact: m.dataProtectionOfficerContact },
    purposes: [...RECORD_PURPOSES],
    dataSubjects: [...RECORD_DATA_SUBJECTS],
    personalData: { staff: [...RECORD_STAFF_DATA], respondents: [...RECORD_RESPONDENT_DATA] },
    recipients: STAFF_ROLES.map((role) => ({ role, accounts: inputs.accountsByRole[role] ?? 0 })),
    transfers: { thirdCountries: 'none', identityProvider: inputs.identityProvider },
    retention: {
      answersMonthsAfterPublishing: m.answerRetentionMonths,
      auditLogMonths: m.auditRetentionMonths,
      sessionIdleHours: m.sessionIdleHours,
      sessionAbsoluteDays: SESSION_DAYS,
      meetingInputDays: MEETING_LIMITS.retentionDays,
      minimumThreshold: MIN_THRESHOLD,
      codes: 'keyedHashOnly',
    },
    security: [...RECORD_SECURITY_MEASURES],
    processors: { hosting: inputs.operatorHosted ? 'operator' : 'municipality' },
    settings: {
      answerRetentionMonths: m.answerRetentionMonths,
      auditRetentionMonths: m.auditRetentionMonths,
      sessionIdleHours: m.sessionIdleHours,
      accessibilityStatementUrl: m.accessibilityStatementUrl,
    },
  };
}
