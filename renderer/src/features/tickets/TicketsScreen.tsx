import './tickets.css';
import { TicketDetail } from './TicketDetail';
import { TicketList } from './TicketList';

/** `#/tickets` is the Ticketverteilung list, `#/tickets/<id>` one ticket (issue #2 item 4). */
export function TicketsScreen({ params }: { params: string[] }) {
  const [id] = params;
  return id ? <TicketDetail key={id} id={id} /> : <TicketList />;
}
