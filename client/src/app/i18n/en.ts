import type { COUNTIES, FIELDS, IP_TYPES, MATURITIES, TRANSFER_MODES } from '@techmatch/shared';
import { errorMessages } from '@techmatch/shared';
import { accountsEn } from '../../features/accounts/messages.js';
import { achievementsEn } from '../../features/achievements/messages.js';
import { auditEn } from '../../features/audit/messages.js';
import { homeEn } from '../../features/home/messages.js';
import { listingsEn } from '../../features/listings/messages.js';
import { needsEn } from '../../features/needs/messages.js';
import { organisationsEn } from '../../features/organisations/messages.js';
import { reviewEn } from '../../features/review/messages.js';
import { applicationsEn } from '../../features/applications/messages.js';
import { inquiriesEn } from '../../features/inquiries/messages.js';
import { notificationsEn } from '../../features/notifications/messages.js';
import { matchesEn } from '../../features/matches/messages.js';
import { savedSearchesEn } from '../../features/saved-searches/messages.js';
import { thesaurusEn } from '../../features/thesaurus/messages.js';
import { contractsEn } from '../../features/contracts/messages.js';
import type zhCN from './zh-CN.js';

const errors = errorMessages('en');

const fieldNames: Record<(typeof FIELDS)[number], string> = {
  生态铝: 'Eco-aluminium',
  新材料: 'New materials',
  新能源及装备制造: 'New energy & equipment',
  生物制药: 'Biopharmaceuticals',
  电子信息: 'Electronics & IT',
  绿色化工: 'Green chemicals',
  绿色建材: 'Green building materials',
  现代特色农林: 'Modern agriculture & forestry',
  大健康和文旅: 'Health, culture & tourism',
  现代服务: 'Modern services',
};

const countyNames: Record<(typeof COUNTIES)[number], string> = {
  右江区: 'Youjiang',
  田阳区: 'Tianyang',
  田东县: 'Tiandong',
  德保县: 'Debao',
  那坡县: 'Napo',
  凌云县: 'Lingyun',
  乐业县: 'Leye',
  田林县: 'Tianlin',
  西林县: 'Xilin',
  隆林县: 'Longlin',
  靖西市: 'Jingxi',
  平果市: 'Pingguo',
};

const maturityNames: Record<(typeof MATURITIES)[number], string> = {
  实验室阶段: 'Laboratory stage',
  小试: 'Bench-scale trial',
  中试: 'Pilot-scale trial',
  产业化: 'Industrialised',
};

const transferModeNames: Record<(typeof TRANSFER_MODES)[number], string> = {
  转让: 'Assignment',
  许可: 'Licence',
  作价入股: 'Equity contribution',
  合作开发: 'Joint development',
  技术服务: 'Technical services',
};

const ipTypeNames: Record<(typeof IP_TYPES)[number], string> = {
  发明专利: 'Invention patent',
  实用新型专利: 'Utility model patent',
  软件著作权: 'Software copyright',
  技术秘密: 'Know-how',
  植物新品种: 'Plant variety right',
};

const enums = {
  field: fieldNames,
  county: countyNames,
  maturity: maturityNames,
  transferMode: transferModeNames,
  ipType: ipTypeNames,
};

const en: typeof zhCN & { enums: typeof enums } = {
  app: {
    name: 'Baise Technology Transfer Matchmaking Platform',
    shortName: 'Baise TechMatch',
    englishName: 'Baise TechMatch',
    tagline: 'Research that finds its industry, industry problems that find their research',
    owner: 'Baise Municipal Bureau of Science and Technology',
    skipToContent: 'Skip to main content',
    openMenu: 'Open navigation menu',
    language: 'Language',
  },
  nav: {
    home: 'Home',
    achievements: 'Achievements',
    needs: 'Technical needs',
    challenges: 'Challenges',
    dashboard: 'Dashboard',
    about: 'About & status',
    login: 'Sign in',
    main: 'Main navigation',
  },
  home: homeEn,
  comingSoon: {
    title: 'Coming soon',
    body: '“{feature}” is under construction.',
    back: 'Back to home',
  },
  about: {
    title: 'About & service status',
    intro:
      'Run by the Baise Municipal Bureau of Science and Technology for technology transfer and contract registration. Live status of each service:',
    refresh: 'Refresh',
    version: 'Version',
    uptime: 'Uptime',
    service: 'Service',
    mode: 'Mode',
    state: 'State',
    detail: 'Detail',
    connections: 'Live connections',
    clientSocket: 'This page’s live connection',
    services: {
      database: 'Database (MongoDB)',
      search: 'Search (Meilisearch)',
      realtime: 'Realtime (Socket.IO)',
    },
    modes: { embedded: 'Embedded', external: 'External', not_configured: 'Not configured' },
    states: { up: 'Up', down: 'Down', starting: 'Starting', not_configured: 'Not configured' },
    socket: { connected: 'Connected', disconnected: 'Disconnected' },
    loadFailed: 'Could not load the service status',
    seconds: '{n} s',
  },
  common: {
    retry: 'Retry',
    loading: 'Loading…',
    notFound: 'Page not found',
    confirm: 'Confirm',
    cancel: 'Cancel',
    yes: 'Yes',
    no: 'No',
    none: 'None',
    close: 'Close',
    validation: {
      required: 'Required',
      tooShort: 'At least {min} characters',
      chooseAtLeast: 'Choose at least {min}',
    },
  },
  accounts: accountsEn,
  organisations: organisationsEn,
  audit: auditEn,
  listings: listingsEn,
  achievements: achievementsEn,
  needs: needsEn,
  review: reviewEn,
  inquiries: inquiriesEn,
  applications: applicationsEn,
  notifications: notificationsEn,
  matches: matchesEn,
  thesaurus: thesaurusEn,
  savedSearches: savedSearchesEn,
  contracts: contractsEn,
  errors,
  enums,
};

export default en;
