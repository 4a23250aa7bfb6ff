// Passwords the tests use so that a leak can be found by plain text search. They are long
// and odd on purpose: "1234", the seed's password, would match ordinary numbers.
module.exports = {
	CANARY_PASSWORDS: ['Wr0ngCanary', 'Canary-Pass-5150', 'CanaryLock0ut'],
};
