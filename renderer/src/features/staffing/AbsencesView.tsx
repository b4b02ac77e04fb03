import { AbsenceForm } from './AbsenceForm';
import { AbsenceList } from './AbsenceList';
import { StaffingNav } from './StaffingNav';

/** Absences (issue #3 item 4): register with the classified kind shown, list, mark, withdraw. */
export function AbsencesView({ today, now }: { today: string; now: Date }) {
  return (
    <div className="staffing-screen absences-view">
      <h1>Besetzung – Abwesenheiten</h1>
      <StaffingNav current="abwesenheiten" />
      <AbsenceForm today={today} now={now} />
      <AbsenceList today={today} />
    </div>
  );
}
