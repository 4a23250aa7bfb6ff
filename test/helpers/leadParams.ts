/**
 * VICIdial node parameters for items { phone, name }, into list 101: what test:queue's workflows
 * (test/queue/workflows.ts) and the fault figures (test/safety/faults.test.ts) both send.
 */
export const ADD_LEAD_BY_PHONE = {
	resource: 'lead',
	operation: 'add',
	phoneNumber: '={{ $json.phone }}',
	listId: '101',
};

/** Lead → Create or Update, matched by phone number in list 101. */
export const UPSERT_LEAD_BY_PHONE = {
	resource: 'lead',
	operation: 'upsert',
	searchMethod: 'PHONE_NUMBER',
	phoneNumber: '={{ $json.phone }}',
	listId: '101',
	firstName: '={{ $json.name }}',
};
