export { PhotoCapture, type PhotoCaptureProps } from './PhotoCapture';
export { PhotoThumbs } from './PhotoThumbs';
