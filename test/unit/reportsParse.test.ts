/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node or Jest, never inside n8n: n8n's sandbox rules are for nodes/ and credentials/ */
/** The parser additions the report functions need: percent and counts fields, trailing delimiters, the breakdown table. */
import { parseAnswer } from '../../nodes/shared/parse';
import {
	breakdown,
	naturalCompare,
	rowsEndingInDelimiter,
} from '../../nodes/shared/functions/nonAgent/report';
import type { FunctionEntry } from '../../nodes/shared/entry';
import { field, rows } from '../../nodes/shared/answer';
import { VicidialError, classifyError } from '../../nodes/shared/errors';

const statsSpec: Pick<FunctionEntry, 'fn' | 'answer' | 'noRecords'> = {
	fn: 'call_status_stats',
	answer: rowsEndingInDelimiter('|', [
		field.text('campaign_id'),
		field.integer('calls'),
		field.counts('calls_by_hour'),
		field.counts('calls_by_status'),
	]),
};

const dispoSpec: Pick<FunctionEntry, 'fn' | 'answer' | 'noRecords'> = {
	fn: 'call_dispo_report',
	answer: breakdown('campaign'),
};

const failure = (run: () => unknown): VicidialError => {
	try {
		run();
	} catch (error) {
		if (error instanceof VicidialError) return error;
		throw error;
	}
	throw new Error('no error');
};

describe('counts and trailing delimiters', () => {
	test('KEY-n lists become objects of numbers; the trailing delimiter adds no column', () => {
		const parsed = parseAnswer(
			'TESTCAMP|4|00-0,13-3|INCALL-1,A-B-2|\nTESTIN|0|00-0||\n',
			statsSpec,
		);
		expect(parsed.records).toEqual([
			{
				campaign_id: 'TESTCAMP',
				calls: 4,
				calls_by_hour: { '00': 0, '13': 3 },
				calls_by_status: { INCALL: 1, 'A-B': 2 },
			},
			{ campaign_id: 'TESTIN', calls: 0, calls_by_hour: { '00': 0 }, calls_by_status: {} },
		]);
	});

	test('a count that is not a number is refused', () => {
		expect(failure(() => parseAnswer('X|1|00-a|S-1|\n', statsSpec)).message).toMatch(
			/calls_by_hour should be counts as KEY-n,KEY-n but is "00-a"/,
		);
	});

	test('percent fields lose their sign and become numbers', () => {
		const spec: Pick<FunctionEntry, 'fn' | 'answer'> = {
			fn: 'agent_stats_export',
			answer: rows('|', [field.text('user'), field.percent('pause_pct')]),
		};
		expect(parseAnswer('1001|13.2%\n1003|100%\n', spec).records).toEqual([
			{ user: '1001', pause_pct: 13.2 },
			{ user: '1003', pause_pct: 100 },
		]);
		expect(failure(() => parseAnswer('1001|13.2\n', spec)).message).toMatch(
			/should be a percentage/,
		);
	});
});

describe('call_dispo_report breakdown', () => {
	test('plain totals, no final newline', () => {
		expect(parseAnswer('CAMPAIGN,TOTAL CALLS\nTESTCAMP,4\nTOTAL,4', dispoSpec).records).toEqual([
			{ campaign: 'TESTCAMP', total_calls: 4, calls_by_status: {} },
			{ campaign: 'TOTAL', total_calls: 4, calls_by_status: {} },
		]);
	});

	test('counts are named in natural order, whatever order the header lists the statuses in', () => {
		const text =
			'CAMPAIGN,TOTAL CALLS,INCALL,NA,NI,SALE,DROP\nTESTCAMP,4,0 (0.0%),1 (25.0%),1 (25.0%),1 (25.0%),1 (25.0%)\nTOTAL,6,1 (16.7%),1 (16.7%),1 (16.7%),2 (33.3%),1 (16.7%)';
		const [row, total] = parseAnswer(text, dispoSpec).records;
		expect(row).toEqual({
			campaign: 'TESTCAMP',
			total_calls: 4,
			calls_by_status: { DROP: 0, INCALL: 1, NA: 1, NI: 1, SALE: 1 },
			percent_by_status: { DROP: 0, INCALL: 25, NA: 25, NI: 25, SALE: 25 },
		});
		expect(total.calls_by_status).toEqual({ DROP: 1, INCALL: 1, NA: 1, NI: 2, SALE: 1 });
	});

	test('a status the header repeats counts once', () => {
		expect(
			parseAnswer('CAMPAIGN,TOTAL CALLS,NI,NI,DROP\n3125550100,2,1,1\nTOTAL,2,1,1', dispoSpec)
				.records[0],
		).toEqual({ campaign: '3125550100', total_calls: 2, calls_by_status: { DROP: 1, NI: 1 } });
	});

	test('a cut row or a missing header is malformed', () => {
		expect(failure(() => parseAnswer('CAMPAIGN,TOTAL CALLS,NI\nTESTCAMP,4', dispoSpec)).kind).toBe(
			'malformed',
		);
		expect(failure(() => parseAnswer('TESTCAMP,4\n', dispoSpec)).kind).toBe('malformed');
		expect(
			failure(() =>
				parseAnswer(
					'ERROR: call_dispo_report INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS - test\n',
					dispoSpec,
				),
			).kind,
		).toBe('invalid');
	});

	test('natural order compares digit runs as numbers, without case', () => {
		expect(['b10', 'B2', 'a', 'A1'].sort(naturalCompare)).toEqual(['a', 'A1', 'B2', 'b10']);
	});
});

test('"NO RECORDINGS FOUND" means nothing found', () => {
	expect(classifyError('recording_lookup NO RECORDINGS FOUND - 6666||99||')).toBe('noRecords');
});
