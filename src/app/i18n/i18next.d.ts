// nb is the source language: its files type every key used with t().
import type nbCommon from '../../../locales/nb/common.json';
import type nbSurvey from '../../../locales/nb/survey.json';
import type nbSteps from '../../../locales/nb/steps.json';
import type nbSync from '../../../locales/nb/sync.json';
import type nbIdle from '../../../locales/nb/idle.json';
import type nbFactors from '../../../locales/nb/factors.json';
import type nbCards from '../../../locales/nb/cards.json';
import type nbAdmin from '../../../locales/nb/admin.json';
import type nbReports from '../../../locales/nb/reports.json';
import type nbFollowup from '../../../locales/nb/followup.json';
import type nbPreparation from '../../../locales/nb/preparation.json';
import type nbPlan from '../../../locales/nb/plan.json';
import type nbMeeting from '../../../locales/nb/meeting.json';
import type nbPresenter from '../../../locales/nb/presenter.json';
import type nbAccessibility from '../../../locales/nb/accessibility.json';
import type nbRecords from '../../../locales/nb/records.json';
import type nbRetention from '../../../locales/nb/retention.json';
import type nbSignin from '../../../locales/nb/signin.json';
import type nbAudit from '../../../locales/nb/audit.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof nbCommon;
      survey: typeof nbSurvey;
      steps: typeof nbSteps;
      sync: typeof nbSync;
      idle: typeof nbIdle;
      factors: typeof nbFactors;
      cards: typeof nbCards;
      admin: typeof nbAdmin;
      reports: typeof nbReports;
      followup: typeof nbFollowup;
      preparation: typeof nbPreparation;
      plan: typeof nbPlan;
      meeting: typeof nbMeeting;
      presenter: typeof nbPresenter;
      accessibility: typeof nbAccessibility;
      records: typeof nbRecords;
      retention: typeof nbRetention;
      signin: typeof nbSignin;
      audit: typeof nbAudit;
    };
  }
}
