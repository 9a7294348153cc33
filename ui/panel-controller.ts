export type { PanelController } from '../src/app/map-channel';
