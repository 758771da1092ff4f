import { createUserAccount, type Services } from '@sarnakh/api';
import type { Logger } from 'pino';
import type { ServerConfig } from './config.js';
import { loadDemoData } from './demo.js';
import { issueSetupToken } from '@sarnakh/platform';

/**
 * First start on an empty database: create the admin from SARNAKH_ADMIN_* (or print a one-time
 * setup link), then load demo data when SARNAKH_DEMO=1. A database with users is left alone.
 */
export async function bootstrap(services: Services, config: ServerConfig, logger: Logger): Promise<void> {
  if ((await services.users.count()) > 0) return;
  if (!config.admin) {
    const token = await issueSetupToken(services);
    const link = `${config.publicUrl}/setup?token=${token}`;
    logger.warn({ link }, 'no users yet: open this one-time link to create the first admin');
    process.stdout.write(`\n  Create the first Sarnakh admin here: ${link}\n\n`);
    if (config.demo) {
      logger.warn('SARNAKH_DEMO=1 is ignored: demo data is loaded with the first admin, so also set SARNAKH_ADMIN_EMAIL and SARNAKH_ADMIN_PASSWORD');
    }
    return;
  }
  const created = await createUserAccount(services, { email: config.admin.email, password: config.admin.password, name: 'Admin', role: 'admin' });
  if (!created.ok) throw new Error(`could not create the first admin: ${created.error.fields[0]?.message}`);
  logger.info({ email: created.value.email }, 'first admin created');
  if (config.demo) await loadDemoData(services, { userId: created.value.id, role: 'admin' }, logger);
}
