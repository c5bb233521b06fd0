import type { EventBus } from '../../platform/events.js';
import type { Logger } from '../../platform/logger.js';
import type { Outbox } from '../../platform/outbox.js';
import type { RealtimeHub, RealtimeServer } from '../../platform/realtime.js';
import type { UserModel } from '../accounts/user.model.js';
import type { AttachmentService } from '../attachments/attachment.service.js';
import { registerDashboardSocket } from '../dashboard/dashboard.socket.js';
import { dashboardService } from '../dashboard/dashboard.service.js';
import {
  contractFunnelSource,
  funnelService,
  inquiryFunnelSource,
  listingFunnelSource,
  matchFunnelSource,
} from '../dashboard/funnel.js';
import type { InquiryModel } from '../inquiries/inquiry.model.js';
import type { MatchModel } from '../matching/match.model.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { OrganisationModel } from '../organisations/organisation.model.js';
import type { TargetModel } from '../targets/target.model.js';
import { targetService } from '../targets/target.service.js';
import type { ContractModel } from './contract.model.js';
import { registerContractEvents } from './contract.events.js';
import { contractService } from './contract.service.js';
import type { ContractImportModel } from './contract-import.model.js';
import { contractImportService } from './contract-import.js';
import { contractExports } from './contract-export.js';
import { contractRegistration } from './contract-registration.js';
import { contractSources, listingLinkChecks } from './contract-sources.js';
import { dealLinkChecks, inquiryPrefill } from './contract-deal-sources.js';
import type { AchievementModel } from '../achievements/achievement.model.js';
import type { NeedModel } from '../needs/need.model.js';

export interface ContractModuleDeps {
  models: {
    contracts: ContractModel;
    contractImports: ContractImportModel;
    targets: TargetModel;
    organisations: OrganisationModel;
    users: UserModel;
    achievements: AchievementModel;
    needs: NeedModel;
    inquiries: InquiryModel;
    matches: MatchModel;
  };
  bus: EventBus;
  outbox: Outbox;
  realtime: RealtimeHub;
  io: RealtimeServer;
  logger: Logger;
  attachments: AttachmentService;
  notifications: NotificationService;
}

/**
 * The contracts slice (技术合同登记, 年度目标, 数据大屏): its services on the shared models, event bus and
 * realtime hub; contracts link to (and the funnel counts) the listings, matches and inquiries behind them.
 */
export function contractModules(deps: ContractModuleDeps) {
  const { models, bus, outbox, realtime } = deps;
  for (const model of [models.contracts, models.contractImports, models.targets])
    outbox.track(model as never);

  const targets = targetService({ targets: models.targets, outbox });
  const dashboard = dashboardService({ contracts: models.contracts, targets, realtime, logger: deps.logger });
  registerDashboardSocket(deps.io, dashboard, deps.logger);
  const sources = contractSources(
    { ...listingLinkChecks(models), ...dealLinkChecks(models) },
    inquiryPrefill(models),
  );
  const contracts = contractService({
    contracts: models.contracts,
    organisations: models.organisations,
    attachments: deps.attachments,
    outbox,
    sources,
    countingSettings: targets.countingSettings,
  });
  registerContractEvents(bus, { dashboard, notifications: deps.notifications, realtime });
  return {
    targets,
    dashboard,
    contracts,
    contractRegistration: contractRegistration(contracts.writer, sources),
    contractImports: contractImportService({
      contracts: models.contracts,
      imports: models.contractImports,
      outbox,
      realtime,
      sources,
    }),
    contractExports: contractExports(models.contracts, targets.countingSettings),
    funnel: funnelService([
      listingFunnelSource(models),
      matchFunnelSource(models.matches),
      inquiryFunnelSource(models),
      contractFunnelSource(models.contracts, targets),
    ]),
  };
}
