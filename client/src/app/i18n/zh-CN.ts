import { errorMessages } from '@techmatch/shared';
import { accountsZh } from '../../features/accounts/messages.js';
import { achievementsZh } from '../../features/achievements/messages.js';
import { auditZh } from '../../features/audit/messages.js';
import { homeZh } from '../../features/home/messages.js';
import { listingsZh } from '../../features/listings/messages.js';
import { needsZh } from '../../features/needs/messages.js';
import { organisationsZh } from '../../features/organisations/messages.js';
import { reviewZh } from '../../features/review/messages.js';
import { applicationsZh } from '../../features/applications/messages.js';
import { inquiriesZh } from '../../features/inquiries/messages.js';
import { notificationsZh } from '../../features/notifications/messages.js';
import { matchesZh } from '../../features/matches/messages.js';
import { savedSearchesZh } from '../../features/saved-searches/messages.js';
import { thesaurusZh } from '../../features/thesaurus/messages.js';
import { contractsZh } from '../../features/contracts/messages.js';

const errors = errorMessages('zh-CN');

export default {
  app: {
    name: '百色科技成果转化撮合平台',
    shortName: '百色科技撮合',
    englishName: 'Baise TechMatch',
    tagline: '让科技成果找到产业需求，让企业难题找到科研答案',
    owner: '百色市科学技术局',
    skipToContent: '跳到主要内容',
    openMenu: '打开导航菜单',
    language: '语言',
  },
  nav: {
    home: '首页',
    achievements: '科技成果',
    needs: '技术需求',
    challenges: '揭榜挂帅',
    dashboard: '数据大屏',
    about: '关于与状态',
    login: '登录',
    main: '主导航',
  },
  home: homeZh,
  comingSoon: {
    title: '功能建设中',
    body: '“{feature}”正在建设中，敬请期待。',
    back: '返回首页',
  },
  about: {
    title: '关于与服务状态',
    intro: '本平台由百色市科学技术局建设，服务科技成果转化与技术合同登记。以下是各项服务的实时状态。',
    refresh: '刷新',
    version: '版本',
    uptime: '运行时长',
    service: '服务',
    mode: '运行方式',
    state: '状态',
    detail: '说明',
    connections: '实时连接数',
    clientSocket: '本页实时连接',
    services: {
      database: '数据库（MongoDB）',
      search: '搜索（Meilisearch）',
      realtime: '实时通道（Socket.IO）',
    },
    modes: { embedded: '内置服务', external: '外部服务', not_configured: '未配置' },
    states: { up: '正常', down: '不可用', starting: '启动中', not_configured: '未配置' },
    socket: { connected: '已连接', disconnected: '未连接' },
    loadFailed: '无法获取服务状态',
    seconds: '{n} 秒',
  },
  common: {
    retry: '重试',
    loading: '加载中…',
    notFound: '页面不存在',
    confirm: '确定',
    cancel: '取消',
    yes: '是',
    no: '否',
    none: '无',
    close: '关闭',
    validation: {
      required: '此项必填',
      tooShort: '至少 {min} 个字',
      chooseAtLeast: '请至少选择 {min} 项',
    },
  },
  accounts: accountsZh,
  organisations: organisationsZh,
  audit: auditZh,
  listings: listingsZh,
  achievements: achievementsZh,
  needs: needsZh,
  review: reviewZh,
  inquiries: inquiriesZh,
  applications: applicationsZh,
  notifications: notificationsZh,
  matches: matchesZh,
  thesaurus: thesaurusZh,
  savedSearches: savedSearchesZh,
  contracts: contractsZh,
  errors,
};
