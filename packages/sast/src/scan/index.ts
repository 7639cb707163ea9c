export { scanPath, type ScanPathOptions, type ScanPathResult } from './scan-path.js';
export { selectFiles, type SelectOptions, type Selection, type SelectedFile } from './files.js';
