export { CameraScanner } from './CameraScanner';
export { CameraStatusItem } from './CameraStatusItem';
