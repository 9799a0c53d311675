// The simulated LRM of the training environment (see simulated-lrm.ts).
export { startSimulatedLrm, type SimulatedLrm, type SimulatedLrmOptions } from './simulated-lrm';
