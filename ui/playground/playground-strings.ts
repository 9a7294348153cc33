import type { DrawableKind } from '../../src/simulator/drawable-item';
import type { BoardRules } from '../../src/simulator/simulated-board';
import type { Locale } from '../strings';

/** The hosts' own names, the same in every language. */
export const HOST_NAMES: Record<BoardRules, string> = { miro: 'Miro', figjam: 'FigJam' };

/** "1 item", "2 items": English plurals. */
const countEn = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Russian and Ukrainian plurals: 1, 21 элемент; 2–4, 22 элемента; 5–20, 25 элементов. */
function countSlavic(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  const form = units === 1 && tens !== 11 ? one : units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
  return `${n} ${form}`;
}

const en = {
  title: 'cjm-board playground',
  /** The header's sentence before the Miro app URL. */
  about: (host: string) => `The real cjm-board panel beside a simulated board that follows ${host}’s rules: insert a map, edit the board as you would there, then Regenerate. On a real board: Miro app URL`,
  manifest: 'FigJam manifest',
  panelNames: { miro: 'Miro app panel', figjam: 'FigJam plugin window' } as Record<BoardRules, string>,
  switchTitle: (host: string) => `Start an empty ${host} board?`,
  switchText: (count: number, host: string) => `The ${countEn(count, 'item', 'items')} on this ${host} board will be discarded. Boards of the two hosts cannot be converted.`,
  cancel: 'Cancel',
  switchTo: (host: string) => `Switch to ${host} rules`,
  board: 'Simulated board',
  boardLegend: 'Rules',
  reopen: 'Reopen the panel',
  reopenShort: 'Reopen',
  reopenHint: 'Close the panel and open it again, as after editing the board: it opens on the selected map',
  ruleNames: { miro: 'Miro rules', figjam: 'FigJam rules' } as Record<BoardRules, string>,
  addSticky: 'Add sticky',
  editText: 'Edit text',
  remove: 'Delete',
  styleAndGroup: 'Style and group',
  group: 'Group',
  groupHint: 'Shift-click to select several items',
  ungroup: 'Ungroup',
  connect: 'Connect',
  connectHint: 'Select two items (Shift-click), then connect the first to the second; a pain and an opportunity become a link on Regenerate',
  bold: 'Bold',
  boldHint: 'Bold the first word',
  link: 'Link…',
  linkHint: 'Link the first word',
  linkPrompt: 'Link address',
  colour: 'Colour',
  colourPick: 'Colour…',
  colours: { red: 'Red', orange: 'Orange', yellow: 'Yellow', green: 'Green', blue: 'Blue', violet: 'Violet' },
  zoomOut: 'Zoom out',
  zoomLevel: 'Zoom level',
  zoomIn: 'Zoom in',
  fit: 'Fit',
  canvas: (host: string) => `${host} board`,
  empty: 'The board is empty. Click “Insert CJM template” in the panel, or add a sticky.',
  /** The text editor's name: "Text of sticky note". */
  textOf: (kind: string) => `Text of ${kind.toLowerCase()}`,
  selected: (description: string) => `Selected: ${description}`,
  selectedCount: (count: number) => `${count} items selected`,
  itemCount: (count: number) => `${countEn(count, 'item', 'items')} on the board`,
  help: 'Drag to pan · wheel to zoom · double-click or Enter edits · drag stickies and emotion points · shift-click selects several · Delete removes · N: next item',
  kindNames: {
    miro: { frame: 'Frame', sticky: 'Sticky note', shape: 'Shape', ellipse: 'Circle', text: 'Text', line: 'Connector', image: 'Picture' },
    figjam: { frame: 'Section', sticky: 'Sticky', shape: 'Shape', ellipse: 'Circle', text: 'Text', line: 'Connector', image: 'Picture' },
  } as Record<BoardRules, Record<DrawableKind, string>>,
  emptyItem: (kind: string) => `${kind} (empty)`,
};

/** Every text the playground shows around the panel, in one language. */
export type PlaygroundStrings = typeof en;

const ru: PlaygroundStrings = {
  title: 'Песочница cjm-board',
  about: (host) => `Настоящая панель cjm-board рядом с имитацией доски по правилам ${host}: вставьте карту, правьте доску, как там, затем нажмите «Перестроить». На настоящей доске: адрес приложения Miro`,
  manifest: 'манифест FigJam',
  panelNames: { miro: 'Панель приложения Miro', figjam: 'Окно плагина FigJam' },
  switchTitle: (host) => `Начать пустую доску ${host}?`,
  switchText: (count, host) => `${countSlavic(count, 'элемент', 'элемента', 'элементов')} на этой доске ${host} будут удалены. Доски двух платформ нельзя преобразовать друг в друга.`,
  cancel: 'Отмена',
  switchTo: (host) => `Перейти на правила ${host}`,
  board: 'Имитация доски',
  boardLegend: 'Правила',
  reopen: 'Открыть панель заново',
  reopenShort: 'Заново',
  reopenHint: 'Закрыть панель и открыть снова, как после правок на доске: она откроется на выбранной карте',
  ruleNames: { miro: 'Правила Miro', figjam: 'Правила FigJam' },
  addSticky: 'Новый стикер',
  editText: 'Править текст',
  remove: 'Удалить',
  styleAndGroup: 'Оформление и группы',
  group: 'Группировать',
  groupHint: 'Shift-щелчок выделяет несколько элементов',
  ungroup: 'Разгруппировать',
  connect: 'Соединить',
  connectHint: 'Выделите два элемента (Shift-щелчок) и соедините первый со вторым; боль и возможность станут связью после «Перестроить»',
  bold: 'Жирный',
  boldHint: 'Выделить жирным первое слово',
  link: 'Ссылка…',
  linkHint: 'Сделать первое слово ссылкой',
  linkPrompt: 'Адрес ссылки',
  colour: 'Цвет',
  colourPick: 'Цвет…',
  colours: { red: 'Красный', orange: 'Оранжевый', yellow: 'Жёлтый', green: 'Зелёный', blue: 'Синий', violet: 'Фиолетовый' },
  zoomOut: 'Уменьшить',
  zoomLevel: 'Масштаб',
  zoomIn: 'Увеличить',
  fit: 'Показать всё',
  canvas: (host) => `Доска ${host}`,
  empty: 'Доска пуста. Нажмите «Вставить шаблон CJM» в панели или добавьте стикер.',
  textOf: (kind) => `Текст: ${kind.toLowerCase()}`,
  selected: (description) => `Выделено: ${description}`,
  selectedCount: (count) => `Выделено: ${countSlavic(count, 'элемент', 'элемента', 'элементов')}`,
  itemCount: (count) => `На доске ${countSlavic(count, 'элемент', 'элемента', 'элементов')}`,
  help: 'Перетаскивание двигает доску · колесо меняет масштаб · двойной щелчок или Enter — правка · стикеры и точки эмоций перетаскиваются · Shift-щелчок выделяет несколько · Delete удаляет · N: следующий элемент',
  kindNames: {
    miro: { frame: 'Фрейм', sticky: 'Стикер', shape: 'Фигура', ellipse: 'Круг', text: 'Текст', line: 'Соединитель', image: 'Картинка' },
    figjam: { frame: 'Секция', sticky: 'Стикер', shape: 'Фигура', ellipse: 'Круг', text: 'Текст', line: 'Соединитель', image: 'Картинка' },
  },
  emptyItem: (kind) => `${kind} (пусто)`,
};

const uk: PlaygroundStrings = {
  title: 'Пісочниця cjm-board',
  about: (host) => `Справжня панель cjm-board поруч з імітацією дошки за правилами ${host}: вставте карту, редагуйте дошку, як там, потім натисніть «Перебудувати». На справжній дошці: адреса застосунку Miro`,
  manifest: 'маніфест FigJam',
  panelNames: { miro: 'Панель застосунку Miro', figjam: 'Вікно плагіна FigJam' },
  switchTitle: (host) => `Почати порожню дошку ${host}?`,
  switchText: (count, host) => `${countSlavic(count, 'елемент', 'елементи', 'елементів')} на цій дошці ${host} буде видалено. Дошки двох платформ не можна перетворити одна на одну.`,
  cancel: 'Скасувати',
  switchTo: (host) => `Перейти на правила ${host}`,
  board: 'Імітація дошки',
  boardLegend: 'Правила',
  reopen: 'Відкрити панель знову',
  reopenShort: 'Знову',
  reopenHint: 'Закрити панель і відкрити знову, як після правок на дошці: вона відкриється на вибраній карті',
  ruleNames: { miro: 'Правила Miro', figjam: 'Правила FigJam' },
  addSticky: 'Новий стікер',
  editText: 'Змінити текст',
  remove: 'Видалити',
  styleAndGroup: 'Оформлення та групи',
  group: 'Згрупувати',
  groupHint: 'Shift-клік виділяє кілька елементів',
  ungroup: 'Розгрупувати',
  connect: 'З’єднати',
  connectHint: 'Виділіть два елементи (Shift-клік) і з’єднайте перший із другим; біль і можливість стануть зв’язком після «Перебудувати»',
  bold: 'Жирний',
  boldHint: 'Виділити жирним перше слово',
  link: 'Посилання…',
  linkHint: 'Зробити перше слово посиланням',
  linkPrompt: 'Адреса посилання',
  colour: 'Колір',
  colourPick: 'Колір…',
  colours: { red: 'Червоний', orange: 'Помаранчевий', yellow: 'Жовтий', green: 'Зелений', blue: 'Синій', violet: 'Фіолетовий' },
  zoomOut: 'Зменшити',
  zoomLevel: 'Масштаб',
  zoomIn: 'Збільшити',
  fit: 'Показати все',
  canvas: (host) => `Дошка ${host}`,
  empty: 'Дошка порожня. Натисніть «Вставити шаблон CJM» у панелі або додайте стікер.',
  textOf: (kind) => `Текст: ${kind.toLowerCase()}`,
  selected: (description) => `Виділено: ${description}`,
  selectedCount: (count) => `Виділено: ${countSlavic(count, 'елемент', 'елементи', 'елементів')}`,
  itemCount: (count) => `На дошці ${countSlavic(count, 'елемент', 'елементи', 'елементів')}`,
  help: 'Перетягування рухає дошку · коліщатко змінює масштаб · подвійний клік або Enter — редагування · стікери й точки емоцій перетягуються · Shift-клік виділяє кілька · Delete видаляє · N: наступний елемент',
  kindNames: {
    miro: { frame: 'Фрейм', sticky: 'Стікер', shape: 'Фігура', ellipse: 'Коло', text: 'Текст', line: 'З’єднувач', image: 'Картинка' },
    figjam: { frame: 'Секція', sticky: 'Стікер', shape: 'Фігура', ellipse: 'Коло', text: 'Текст', line: 'З’єднувач', image: 'Картинка' },
  },
  emptyItem: (kind) => `${kind} (порожньо)`,
};

/** The playground's own texts in each language the panel speaks. */
export const PLAYGROUND_STRINGS: Record<Locale, PlaygroundStrings> = { en, ru, uk };
