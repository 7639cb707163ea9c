import { actionsIO } from '@rampart/ci';
import { ZAP_CONTAINER_STATE, nodeExec, stopZapContainer } from './zap-container.js';

const io = actionsIO();
const id = io.getState(ZAP_CONTAINER_STATE);
if (id) {
  try {
    await stopZapContainer(nodeExec, id);
    io.info(`Stopped the ZAP container ${id.slice(0, 12)}`);
  } catch (e) {
    // The job ends anyway and the runner removes its containers; a failed stop is not worth a red step.
    io.warning(`Could not stop the ZAP container ${id.slice(0, 12)}: ${(e as Error).message}`);
  }
}
