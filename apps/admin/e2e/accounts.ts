/** The first admin the browser tests' server is started with. */
export const ADMIN_EMAIL = 'admin@sarnakh.test';
export const ADMIN_PASSWORD = 'e2e-admin-password';
export const AGENT_PASSWORD = 'e2e-agent-password';
