/** The leak check's recorder lives beside the n8n harness that uses it; tests import it from here. */
export { capture } from '../../scripts/lib/capture';
