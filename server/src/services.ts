import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Settings } from 'meilisearch';
import { EventBus, type ListingEventPayload } from './platform/events.js';
import type { Logger } from './platform/logger.js';
import { JobQueue, jobModel } from './platform/job-queue.js';
import { Outbox } from './platform/outbox.js';
import { realtimeHub, type RealtimeServer } from './platform/realtime.js';
import type { Search } from './platform/search.js';
import { SearchSync } from './platform/search-sync.js';
import { registerAccountEvents } from './modules/accounts/accounts.events.js';
import { authService } from './modules/accounts/auth.service.js';
import { sessionModel } from './modules/accounts/session.model.js';
import { sessionService } from './modules/accounts/session.service.js';
import { throttleModel } from './modules/accounts/throttle.model.js';
import { throttleService } from './modules/accounts/throttle.service.js';
import { userModel } from './modules/accounts/user.model.js';
import { userService } from './modules/accounts/user.service.js';
import { achievementModel } from './modules/achievements/achievement.model.js';
import { achievementSearchSource } from './modules/achievements/achievement.search.js';
import { achievementKind } from './modules/achievements/achievement.service.js';
import { attachmentModel } from './modules/attachments/attachment.model.js';
import { attachmentService } from './modules/attachments/attachment.service.js';
import { auditModel } from './modules/audit/audit.model.js';
import { auditService } from './modules/audit/audit.service.js';
import { registerListingEvents } from './modules/listings/listing.events.js';
import { matchingService } from './modules/matching/matching.service.js';
import { thesaurusModel } from './modules/thesaurus/thesaurus.model.js';
import { thesaurusService } from './modules/thesaurus/thesaurus.service.js';
import { thesaurusSettings } from './modules/thesaurus/thesaurus.settings.js';
import { matchModel, matchRunModel } from './modules/matching/match.model.js';
import { matchService } from './modules/matching/match.service.js';
import { matchStore } from './modules/matching/match-store.js';
import { learnThesaurusWords, registerMatchingEvents } from './modules/matching/matching.events.js';
import { listingService } from './modules/listings/listing.service.js';
import { needModel } from './modules/needs/need.model.js';
import { needSearchSource } from './modules/needs/need.search.js';
import { expireOverdueNeeds, needKind } from './modules/needs/need.service.js';
import {
  notificationModel,
  notificationPreferenceModel,
} from './modules/notifications/notification.model.js';
import { registerNotificationEvents } from './modules/notifications/notification.events.js';
import { notificationService } from './modules/notifications/notification.service.js';
import { organisationModel } from './modules/organisations/organisation.model.js';
import { savedSearchModel } from './modules/saved-searches/saved-search.model.js';
import { savedSearchService } from './modules/saved-searches/saved-search.service.js';
import { organisationService } from './modules/organisations/organisation.service.js';
import { contractModel } from './modules/contracts/contract.model.js';
import { contractImportModel } from './modules/contracts/contract-import.model.js';
import { contractModules } from './modules/contracts/contract.module.js';
import { targetModel } from './modules/targets/target.model.js';
import { applicationModel } from './modules/applications/application.model.js';
import { registerApplicationEvents } from './modules/applications/application.events.js';
import { applicationService } from './modules/applications/application.service.js';
import { attachmentSharing } from './modules/attachments/attachment-sharing.js';
import { registerInquiryEvents } from './modules/inquiries/inquiry.events.js';
import { inquiryModel } from './modules/inquiries/inquiry.model.js';
import { inquiryService } from './modules/inquiries/inquiry.service.js';
import { registerInquirySocket } from './modules/inquiries/inquiry.socket.js';
import { messageModel } from './modules/inquiries/message.model.js';
import { messageService } from './modules/inquiries/message.service.js';
import { rateLimiter } from './platform/rate-limit.js';

export interface ServiceDeps {
  connection: Connection;
  logger: Logger;
  io: RealtimeServer;
  search: Search;
  dataDir: string;
  indexPrefix: string;
}

const EXPIRY_INTERVAL_MS = 60_000;
/** The background job that alerts saved searches of a newly published listing. */
const SAVED_SEARCH_ALERT = 'saved-search.alert';
/** Chat flood guard per user: a burst of 12 messages, then 3 a second. */
const MESSAGE_RATE = { capacity: 12, refillPerSecond: 3 };

/** The composition root of the domain: models on one connection, the event bus, and every service. */
export function createServices({ connection, logger, io, search, dataDir, indexPrefix }: ServiceDeps) {
  const bus = new EventBus(logger);
  const outbox = new Outbox(bus, logger);
  const realtime = realtimeHub(io);
  const searchSync = new SearchSync(search.client, logger);
  const models = {
    users: userModel(connection),
    organisations: organisationModel(connection),
    sessions: sessionModel(connection),
    throttles: throttleModel(connection),
    audit: auditModel(connection),
    attachments: attachmentModel(connection),
    achievements: achievementModel(connection),
    needs: needModel(connection),
    notifications: notificationModel(connection),
    notificationPreferences: notificationPreferenceModel(connection),
    contracts: contractModel(connection),
    contractImports: contractImportModel(connection),
    targets: targetModel(connection),
    thesaurus: thesaurusModel(connection),
    matches: matchModel(connection),
    matchRuns: matchRunModel(connection),
    jobs: jobModel(connection),
    savedSearches: savedSearchModel(connection),
    inquiries: inquiryModel(connection),
    inquiryMessages: messageModel(connection),
    applications: applicationModel(connection),
  };

  const jobs = new JobQueue(models.jobs, logger);
  const audit = auditService(models.audit);
  bus.onAny(audit.recordEvent);
  registerAccountEvents({ bus, realtime, users: models.users });
  registerListingEvents(bus, realtime);
  const notifications = notificationService({
    notifications: models.notifications,
    preferences: models.notificationPreferences,
    realtime,
  });
  registerNotificationEvents(bus, notifications, models.users);

  const sessions = sessionService(models);
  const throttle = throttleService(models.throttles);
  for (const model of [
    models.users,
    models.organisations,
    models.achievements,
    models.needs,
    models.thesaurus,
    models.inquiries,
    models.applications,
  ] as const) {
    outbox.track(model as never);
  }

  const indexes = { achievements: `${indexPrefix}achievements`, needs: `${indexPrefix}needs` };
  const thesaurus = thesaurusService({ entries: models.thesaurus, outbox });
  const thesaurusIndexSettings = async (): Promise<Partial<Settings>> =>
    thesaurusSettings(await thesaurus.content());
  searchSync.register(
    achievementSearchSource(indexes.achievements, models.achievements, thesaurusIndexSettings),
  );
  searchSync.register(needSearchSource(indexes.needs, models.needs, thesaurusIndexSettings));
  const savedSearches = savedSearchService({
    searches: models.savedSearches,
    client: search.client,
    indexes,
    notifications,
    searchSync,
  });
  jobs.handle(SAVED_SEARCH_ALERT, ({ eventId = '', listing = '{}' }) =>
    savedSearches.alertFor(eventId, JSON.parse(listing) as ListingEventPayload),
  );
  bus.on('listing.reviewed', async ({ _id, payload }) => {
    if (payload.status !== 'published') return;
    await jobs.enqueue(SAVED_SEARCH_ALERT, _id, { eventId: _id, listing: JSON.stringify(payload) });
    jobs.kick();
  });
  const matching = matchingService({ client: search.client, indexes });
  const matches = matchStore({ ...models, matching, notifications, logger });
  registerMatchingEvents({
    bus,
    jobs,
    store: matches,
    thesaurus,
    searchSync,
    needs: models.needs,
    achievements: models.achievements,
  });

  const attachments = attachmentService({
    attachments: models.attachments,
    uploadsDir: path.resolve(dataDir, 'uploads'),
    isPublic: async (owner) => {
      const published = { _id: owner.id, status: 'published' as const };
      if (owner.type === 'achievement') return Boolean(await models.achievements.exists(published));
      if (owner.type === 'need') return Boolean(await models.needs.exists(published));
      return false;
    },
    isSharedWith: attachmentSharing({ ...models, messages: models.inquiryMessages }),
  });
  const listingDeps = { organisations: models.organisations, attachments, outbox, searchSync };
  const contractSlice = contractModules({
    models,
    bus,
    outbox,
    realtime,
    io,
    logger,
    attachments,
    notifications,
  });

  const limiter = rateLimiter(MESSAGE_RATE);
  const inquiryMessages = messageService({
    ...models,
    messages: models.inquiryMessages,
    attachments,
    notifications,
    realtime,
    limiter,
    logger,
  });
  const inquiries = inquiryService({ ...models, messages: inquiryMessages, outbox, limiter });
  const applications = applicationService({ ...models, attachments, inquiries, outbox, searchSync });
  registerInquiryEvents({ bus, messages: inquiryMessages, notifications, realtime });
  registerApplicationEvents(bus, applications, notifications);
  registerInquirySocket(io, inquiryMessages, logger);

  let expiryTimer: NodeJS.Timeout | null = null;
  const expireNeeds = () =>
    expireOverdueNeeds(models.needs, outbox, searchSync).catch((error: unknown) =>
      logger.error({ err: error }, 'expiring needs failed'),
    );

  return {
    models,
    bus,
    outbox,
    search,
    searchSync,
    indexes,
    sessions,
    audit,
    attachments,
    notifications,
    auth: authService({ ...models, sessions, throttle, outbox, realtime }),
    users: userService({ ...models, sessions, outbox }),
    organisations: organisationService({ ...models, outbox }),
    achievements: listingService(achievementKind(models.achievements), listingDeps),
    needs: listingService(needKind(models.needs), listingDeps),
    ...contractSlice,
    matching,
    jobs,
    matchStore: matches,
    matches: matchService({ ...models, jobs, outbox }),
    thesaurus,
    savedSearches,
    inquiries,
    inquiryMessages,
    applications,
    /** Creates collections and indexes (unique constraints must exist before the first request). */
    async init(): Promise<void> {
      await Promise.all(Object.values(models).map((model) => model.init()));
      await thesaurus.ensureSeeded();
      await learnThesaurusWords(thesaurus);
    },
    /** Outbox redelivery, search sync and deadline expiry; safe to run on every node. */
    startBackgroundWork(): void {
      outbox.start();
      searchSync.start();
      jobs.start();
      void expireNeeds();
      expiryTimer = setInterval(() => void expireNeeds(), EXPIRY_INTERVAL_MS);
      expiryTimer.unref();
    },
    async stopBackgroundWork(): Promise<void> {
      outbox.stop();
      if (expiryTimer) clearInterval(expiryTimer);
      await searchSync.stop();
      await jobs.stop();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
