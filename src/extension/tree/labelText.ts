export { textStart } from '../../core/text/textStart';
