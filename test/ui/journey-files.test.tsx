// @vitest-environment happy-dom
// The panel's import and export of journey files (ui/journey-files.tsx), rendered with happy-dom.
import { cleanup, render, screen, waitFor, fireEvent } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { JourneyFiles } from '../../ui/journey-files';
import { STRINGS } from '../../ui/strings';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { encodeWindows1251 } from '../model/formats/encode-text';

afterEach(cleanup);

function setup(locale: 'en' | 'ru') {
  const onInsert = vi.fn();
  render(
    <JourneyFiles strings={STRINGS[locale]} describeError={String} busy={false} onInsert={onInsert}
      loadMapJourneyAsync={async () => ({ mapId: 'm', journey: createOnlineStoreJourney() })}
      showOnBoardAsync={async () => undefined} renderSvgAsync={async () => '<svg/>'} onUpdate={async () => undefined} />,
  );
  return onInsert;
}

it('reads the file’s bytes, says the encoding and delimiter, lists the warning (ru)', async () => {
  setup('ru');
  const bytes = encodeWindows1251('Дорожка;Поиск;Заказ\r\nДействия;Ищет;Платит\r\nЭмоции;1;-2\r\n');
  const file = new File([new Uint8Array(bytes)], 'путь.csv', { type: 'text/csv' });
  const input = screen.getByLabelText(STRINGS.ru.importFile) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  await waitFor(() => expect(screen.getByText(/Прочитан в кодировке Windows-1251 \(кириллица\); разделитель: точка с запятой\./)).toBeTruthy());
  expect(screen.getByText(/В файле не отмечена кодировка; он прочитан как Windows-1251 \(кириллица\)/)).toBeTruthy();
  expect(screen.getByText(/этапов — 2/)).toBeTruthy();
});

it('words a coded error, and exports with the delimiter (en default comma, ru default semicolon)', async () => {
  setup('en');
  const file = new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])], 'book.csv');
  const input = screen.getByLabelText(STRINGS.en.importFile) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  await waitFor(() => expect(screen.getByText(/This is a workbook, not a sheet saved as text/)).toBeTruthy());
  fireEvent.click(screen.getByRole('button', { name: STRINGS.en.checkButton }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'CSV (long)' })).toBeTruthy());
  const select = screen.getByLabelText('CSV delimiter') as HTMLSelectElement;
  expect(select.value).toBe(',');
  const blobs: Blob[] = [];
  URL.createObjectURL = ((blob: Blob) => { blobs.push(blob); return 'blob:x'; }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = () => undefined;
  fireEvent.change(select, { target: { value: ';' } });
  fireEvent.click(screen.getByRole('button', { name: /^CSV$/ }));
  const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes).startsWith('Lane;')).toBe(true);
  // The action plan too, with the same delimiter: every opportunity by priority.
  fireEvent.click(screen.getByRole('button', { name: 'Action plan (CSV)' }));
  expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await blobs[1]!.arrayBuffer()))).toMatch(/^\uFEFF#;Opportunity;Stage;Addresses;Impact;Effort;Owner;Status;KPI\n1;/);
  fireEvent.click(screen.getByRole('button', { name: 'Action plan (Markdown)' }));
  expect(await blobs[2]!.text()).toMatch(/^# Action plan: /);
  cleanup();
  setup('ru');
  fireEvent.click(screen.getByRole('button', { name: STRINGS.ru.checkButton }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'CSV (длинная таблица)' })).toBeTruthy());
  expect((screen.getByLabelText('Разделитель CSV') as HTMLSelectElement).value).toBe(';');
});

it('says what is wrong with a JSON file in the panel’s language, with the field’s path (uk)', async () => {
  render(
    <JourneyFiles strings={STRINGS.uk} describeError={String} busy={false} onInsert={vi.fn()}
      loadMapJourneyAsync={async () => ({ mapId: 'm', journey: createOnlineStoreJourney() })}
      showOnBoardAsync={async () => undefined} renderSvgAsync={async () => '<svg/>'} onUpdate={async () => undefined} />,
  );
  const journey = { ...createOnlineStoreJourney(), colour: 'червоний' };
  const text = JSON.stringify({ format: 'cjm-journey', version: 2, journey });
  const file = new File([text], 'шлях.json', { type: 'application/json' });
  const input = screen.getByLabelText(STRINGS.uk.importFile) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  await waitFor(() => expect(screen.getByText(/Невідоме поле «colour»; видаліть його або перевірте написання\./)).toBeTruthy());
  expect(screen.getByText(/journey\.colour/)).toBeTruthy();
  expect(screen.queryByText(/словами формату файлу/)).toBeNull();
  expect(screen.queryByText(/unknown field/)).toBeNull();
});
