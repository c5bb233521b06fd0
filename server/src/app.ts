import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Config } from './config.js';
import { authRouter } from './modules/accounts/auth.routes.js';
import { achievementRouter } from './modules/achievements/achievement.routes.js';
import { attachmentRouter } from './modules/attachments/attachment.routes.js';
import { matchRouter } from './modules/matching/match.routes.js';
import { needRouter } from './modules/needs/need.routes.js';
import { savedSearchRouter } from './modules/saved-searches/saved-search.routes.js';
import { thesaurusRouter } from './modules/thesaurus/thesaurus.routes.js';
import { userRouter } from './modules/accounts/user.routes.js';
import { auditRouter } from './modules/audit/audit.routes.js';
import { healthRouter } from './modules/health/health.routes.js';
import { notificationRouter } from './modules/notifications/notification.routes.js';
import { organisationRouter } from './modules/organisations/organisation.routes.js';
import { contractExcelRouter } from './modules/contracts/contract-excel.routes.js';
import { contractRouter } from './modules/contracts/contract.routes.js';
import { dashboardRouter } from './modules/dashboard/dashboard.routes.js';
import { targetRouter } from './modules/targets/target.routes.js';
import { applicationRouter } from './modules/applications/application.routes.js';
import { inquiryRouter } from './modules/inquiries/inquiry.routes.js';
import { authenticate, csrfProtection } from './platform/auth/http.js';
import type { HealthProbes } from './platform/health.js';
import { apiNotFound, errorHandler } from './platform/http/error-handler.js';
import { requestLogger, securityHeaders } from './platform/http/middleware.js';
import type { Logger } from './platform/logger.js';
import type { Services } from './services.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  health: HealthProbes;
  services: Services;
}

/** Serves the built single-page client, falling back to index.html for client-side routes. */
function clientApp(clientDist: string): RequestHandler {
  const indexHtml = path.join(clientDist, 'index.html');
  const router = express.Router();
  router.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    if (!existsSync(indexHtml)) {
      res.status(503).type('text/plain').send('The web client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}

/** Builds the Express application without listening, so tests drive it with Supertest. */
export function createApp(deps: AppDeps): Express {
  const { config, logger, services } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');
  app.use(requestLogger(logger));
  app.use(securityHeaders());

  const api = express.Router();
  api.use(express.json({ limit: config.BODY_LIMIT }));
  api.use(healthRouter(deps.health));
  api.use(authenticate(services.sessions.resolve));
  api.use(csrfProtection);
  api.use(authRouter(services.auth));
  api.use(organisationRouter(services.organisations));
  api.use(userRouter(services.users));
  api.use(auditRouter(services.audit));
  api.use(attachmentRouter(services.attachments, path.resolve(config.DATA_DIR, 'uploads')));
  api.use(achievementRouter(services.achievements, services.search.client, services.indexes.achievements));
  api.use(needRouter(services.needs, services.search.client, services.indexes.needs));
  api.use(notificationRouter(services.notifications));
  api.use(
    contractExcelRouter({
      imports: services.contractImports,
      exports: services.contractExports,
      dashboard: services.dashboard,
      uploadsDir: path.resolve(config.DATA_DIR, 'uploads'),
    }),
  );
  api.use(contractRouter(services.contracts, services.contractRegistration));
  api.use(targetRouter(services.targets));
  api.use(dashboardRouter(services.dashboard, services.funnel));
  api.use(matchRouter(services.matches));
  api.use(thesaurusRouter(services.thesaurus));
  api.use(savedSearchRouter(services.savedSearches));
  api.use(inquiryRouter(services.inquiries, services.inquiryMessages));
  api.use(applicationRouter(services.applications));
  api.use(apiNotFound);
  app.use('/api', api);

  app.use(clientApp(config.CLIENT_DIST));
  app.use(errorHandler);
  return app;
}
