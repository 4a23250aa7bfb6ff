/** send_notification: queues an alert / confetti for agent screens (vicidial_agent_notifications). */
import { s } from '../../db';
import { ciEq } from '../../mysql';
import type { AgContext, AgResult } from '../context';
import { refuseFunction } from './common';

const TABLES: Record<string, [string, string]> = {
	USER: ['vicidial_users', 'user'],
	USER_GROUP: ['vicidial_user_groups', 'user_group'],
	CAMPAIGN: ['vicidial_campaigns', 'campaign_id'],
};

export function sendNotification(c: AgContext): AgResult {
	const { out, p, state } = c;
	const db = state.db;
	const enabled = state.setting('agent_notifications');
	if (!(Number(enabled) >= 1)) {
		out.echo(`ERROR: Agent API Notifications are disabled on this system - ${enabled}\n`);
		return 'continue';
	}
	if (refuseFunction(c)) return 'exit';
	const recipient = p.get('recipient');
	let type = p.get('recipient_type');
	if (recipient && !(type in TABLES)) {
		const old = type;
		type = '';
		out.echo(`Invalid recipient_type (${old}), `);
		for (const candidate of ['USER', 'USER_GROUP', 'CAMPAIGN']) {
			const [table, column] = TABLES[candidate];
			if (db.t(table).find((r) => ciEq(r[column], recipient))) {
				type = candidate;
				break;
			}
		}
		if (!type) {
			out.echo(
				`ERROR: no matching recipient found in users, user_groups, or campaigns - ${recipient}\n`,
			);
			return 'exit';
		}
		out.echo(`NOTICE: found ${recipient} as ${type}<BR>\n`);
	}
	if (!recipient || !type) {
		out.echo(`ERROR: Missing recipient or recipient_type - ${recipient}|${type}\n`);
		return 'continue';
	}
	const [table, column] = TABLES[type];
	if (!db.t(table).find((r) => ciEq(r[column], recipient))) {
		out.echo(`ERROR: ${recipient} DOES NOT EXIST in ${table} - ${c.value}|${recipient}\n`);
		return 'exit';
	}
	if (type !== 'USER') {
		const group = db.t('vicidial_user_groups').find((r) => ciEq(r.user_group, c.userGroup));
		if (!group) {
			out.echo(`ERROR: user_group DOES NOT EXIST - ${c.value}|${c.userGroup}\n`);
			return 'exit';
		}
		const campaigns = s(group.allowed_campaigns);
		const viewable = s(group.admin_viewable_groups);
		const listed = (list: string) => list.toLowerCase().includes(` ${recipient.toLowerCase()} `);
		if (type === 'CAMPAIGN' && !/-ALL/i.test(campaigns) && !listed(campaigns)) {
			out.echo(
				`ERROR: ACCESS TO CAMPAIGN ${recipient} NOT ALLOWED FOR USER ${c.user} (${campaigns}) - ${c.value}|${recipient}\n`,
			);
			return 'exit';
		}
		if (type === 'USER_GROUP' && !/---ALL/i.test(viewable) && !listed(viewable)) {
			out.echo(
				`ERROR: ACCESS TO USER GROUP ${recipient} NOT ALLOWED FOR USER ${c.user} - ${c.value}|${recipient}\n`,
			);
			return 'exit';
		}
	}
	let date = p.get('notification_date') || state.nowStr();
	const retry = /Y/i.test(p.get('notification_retry')) ? 'Y' : 'N';
	let color = p.get('text_color') || 'black';
	if (/^[0-9A-F]{3,6}$/.test(color)) color = `#${color}`;
	if (!/[0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2}\s?[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?/.test(date)) {
		out.echo(`NOTICE: Invalid notification date ${date}, changing to now`);
		date = state.nowStr();
	}
	const row: Record<string, string> = {
		recipient,
		recipient_type: type,
		notification_date: date,
		notification_retry: retry,
		notification_status: 'QUEUED',
	};
	let valid = false;
	const text = p.get('notification_text');
	if (text.length > 0) {
		Object.assign(row, {
			notification_text: text,
			text_size: p.get('text_size') || '12',
			text_font: p.get('text_font') || 'Arial',
			text_weight: p.get('text_weight') || 'bold',
			text_color: color,
		});
		valid = true;
	}
	if (p.get('show_confetti') === 'Y') {
		// the CONFETTI_SETTINGS container's values are not modelled: the built-in defaults apply
		const duration = p.get('duration') || '2';
		const particles = p.get('maxParticleCount') || '2350';
		const speed = p.get('particleSpeed') || '2';
		Object.assign(row, {
			show_confetti: 'Y',
			confetti_options: `${duration},${particles},${speed}`,
		});
		valid = true;
	}
	if (!valid) {
		out.echo(`ERROR: invalid request - ${recipient}|${type}\n`);
		return 'continue';
	}
	const inserted = db.t('vicidial_agent_notifications').insert(row, state.nowStr());
	out.echo(`SUCCESS: notification queued - ${recipient}|${type}|${s(inserted.notification_id)}\n`);
	return 'continue';
}
