import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invertedName, splitName } from '../../../src/core/export';

test('names are split into family, given and suffix the way the sources write them', () => {
  const cases: [string, ReturnType<typeof splitName>][] = [
    ['Vaswani, Ashish', { kind: 'person', family: 'Vaswani', given: 'Ashish' }],
    ['Ashish Vaswani', { kind: 'person', family: 'Vaswani', given: 'Ashish' }],
    ['Vincent van Gogh', { kind: 'person', family: 'van Gogh', given: 'Vincent' }],
    ['Ludwig van der Waals Jr.', { kind: 'person', family: 'van der Waals', given: 'Ludwig', suffix: 'Jr.' }],
    ['van Gogh, Vincent', { kind: 'person', family: 'van Gogh', given: 'Vincent' }],
    ['Cruz, Enrique M. De La', { kind: 'person', family: 'Cruz', given: 'Enrique M. De La' }],
    ['King, Jr., Martin Luther', { kind: 'person', family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['King, Martin Luther, Jr.', { kind: 'person', family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Carson, William E 3rd', { kind: 'person', family: 'Carson', given: 'William E', suffix: '3rd' }],
    ['Smith JA', { kind: 'person', family: 'Smith', given: 'J. A.' }],
    ['Li X', { kind: 'person', family: 'Li', given: 'X.' }],
    ['Plato', { kind: 'person', family: 'Plato' }],
    ['刘卓', { kind: 'person', family: '刘卓' }],
    ['Fr\\"ohlich, J\\\'{e}r\\^ome', { kind: 'person', family: 'Fröhlich', given: 'Jérôme' }],
    ['{World Health Organization}', { kind: 'literal', literal: 'World Health Organization' }],
    ['{Barack and Michelle Obama}', { kind: 'literal', literal: 'Barack and Michelle Obama' }],
    ['The ATLAS Collaboration', { kind: 'literal', literal: 'The ATLAS Collaboration' }],
    ['National Institute of Health', { kind: 'literal', literal: 'National Institute of Health' }],
    ['Procter & Gamble', { kind: 'literal', literal: 'Procter & Gamble' }],
    ['a, b, c, d', { kind: 'literal', literal: 'a, b, c, d' }],
    ['  ,  ', undefined],
  ];
  for (const [raw, expected] of cases) assert.deepEqual(splitName(raw), expected, raw);
});

test('the inverted form is "Family, Given, Suffix"; an organisation is written whole', () => {
  assert.equal(invertedName(splitName('Ashish Vaswani')!), 'Vaswani, Ashish');
  assert.equal(invertedName(splitName('Martin Luther King Jr.')!), 'King, Martin Luther, Jr.');
  assert.equal(invertedName(splitName('World Health Organization')!), 'World Health Organization');
  assert.equal(invertedName(splitName('Plato')!), 'Plato');
});
