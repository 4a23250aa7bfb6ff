/** The seed's login users, for people and tests (all passwords are 1234). */
export interface SeedUser {
	user: string;
	pass: string;
	role: string;
}

export const SEED_USERS: readonly SeedUser[] = [
	{ user: '6666', pass: '1234', role: 'API admin, level 9, every right' },
	{ user: '6667', pass: '1234', role: 'API user allowed only the version function' },
	{ user: '6668', pass: '1234', role: 'API login without lead/list/agent-API rights' },
	{ user: '6699', pass: '1234', role: 'like 6666, for lockout tests (10 failures lock it 15 min)' },
	{ user: '1001', pass: '1234', role: 'agent, logged in and PAUSED (conf 8600051)' },
	{ user: '1002', pass: '1234', role: 'agent, not logged in' },
	{ user: '1003', pass: '1234', role: 'agent, logged in and INCALL on lead 12 (conf 8600053)' },
];
