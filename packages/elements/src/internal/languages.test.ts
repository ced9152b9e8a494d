import { expect } from '@open-wc/testing';
import { Catalog } from './languages.js';

/** A catalog whose Spanish answers as `answer` says, counting how often it is asked for. */
function catalog(answer: () => Promise<string>) {
  const calls = { es: 0 };
  const copy = new Catalog<string>('Hello', {
    es: () => {
      calls.es++;
      return answer();
    },
    fr: () => Promise.resolve('Bonjour'),
    de: () => Promise.resolve('Hallo'),
  });
  return { copy, calls };
}

describe('Catalog', () => {
  it('loads a language once, however many elements ask for it at the same time', async () => {
    const { copy, calls } = catalog(() => Promise.resolve('Hola'));
    expect(copy.get('es')).to.equal('Hello');
    await Promise.all([copy.load('es'), copy.load('es'), copy.load('es')]);
    await copy.load('es');
    expect(calls.es).to.equal(1);
    expect(copy.get('es')).to.equal('Hola');
    expect(copy.get('fr')).to.equal('Hello');
  });

  it('keeps English when a language fails to load, and tries again the next time', async () => {
    let online = false;
    const { copy, calls } = catalog(() =>
      online ? Promise.resolve('Hola') : Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    await copy.load('es');
    expect(copy.get('es')).to.equal('Hello');
    online = true;
    await copy.load('es');
    expect(calls.es).to.equal(2);
    expect(copy.get('es')).to.equal('Hola');
  });
});
