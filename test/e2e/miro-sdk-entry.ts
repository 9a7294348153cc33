// Served in place of Miro's Web SDK script in the Miro panel test: installs
// the in-memory board as the `miro` global the panel talks to.
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';

const fake = new FakeMiroBoard();
Object.assign(globalThis, { miro: { board: fake.asBoard() }, __fakeMiro: fake });
