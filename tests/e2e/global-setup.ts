// The e2e suite's broker: the LRM link and the simulated LRMs of the training environment need a real RabbitMQ. When
// none is given (SAS_TEST_AMQP_URL), a throw-away one is started (scripts/start-test-rabbitmq.sh) and stopped at the
// end, as the integration suite does.
import { startTestServers, stopTestServers } from '../integration/global-setup';

export default function globalSetup(): () => void {
  startTestServers(['SAS_TEST_AMQP_URL']);
  return stopTestServers;
}
