import { maskText } from './mask';

const REF = new Date(Date.UTC(2026, 10, 23, 12, 49, 15)); // 2026-11-23 12:49:15 UTC
const REF_EPOCH = Math.floor(REF.getTime() / 1000);

describe('maskText', () => {
	test('clock datetimes become day offsets from the request', () => {
		expect(maskText('DATE: 2026-11-23 12:49:15|', REF)).toBe('DATE: <DATETIME:today>|');
		expect(maskText('2026-11-23 00:00:01', REF)).toBe('<DATETIME:today>');
		expect(maskText('2026-11-16 12:19:15', REF)).toBe('<DATETIME:today-7d>');
		expect(maskText('16|TESTCAMP|2026-11-25 12:51:06|ANYONE', REF)).toBe(
			'16|TESTCAMP|<DATETIME:today+2d>|ANYONE',
		);
		expect(maskText('2026-11-23', REF)).toBe('<DATE:today>');
		expect(maskText('x,2026-11-22,y', REF)).toBe('x,<DATE:today-1d>,y');
	});

	test('fixed dates far from the request are kept', () => {
		expect(maskText('2099-12-31', REF)).toBe('2099-12-31');
		expect(maskText('2031-01-02 10:30:00', REF)).toBe('2031-01-02 10:30:00');
		expect(maskText('1980-02-29', REF)).toBe('1980-02-29');
		expect(maskText('2026-02-31 10:00:00', REF)).toBe('2026-02-31 10:00:00');
	});

	test('epochs near the request become minute offsets; other 10-digit numbers are kept', () => {
		expect(maskText(`EPOCH: ${REF_EPOCH}|`, REF)).toBe('EPOCH: <EPOCH:now>|');
		expect(maskText(`PAUSE|${REF_EPOCH + 1}|1001`, REF)).toBe('PAUSE|<EPOCH:now>|1001');
		expect(maskText(`< ${REF_EPOCH - 900}) );`, REF)).toBe('< <EPOCH:now-15m>) );');
		expect(maskText('3125550113|1|13', REF)).toBe('3125550113|1|13');
		expect(maskText('uniqueid 1735722011.1', REF)).toBe('uniqueid 1735722011.1');
		expect(maskText('31255501011', REF)).toBe('31255501011');
	});

	test('debug run time', () => {
		expect(maskText('<!-- script runtime: 1 seconds -->', REF)).toBe(
			'<!-- script runtime: <N> seconds -->',
		);
	});

	test('everything else is untouched', () => {
		const text = 'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550177|101|16||6666\n\tx  \r\n';
		expect(maskText(text, REF)).toBe(text);
	});
});
