using Dapper;
using DuckDB.NET.Data;
using Oversight.Privacy;

namespace Oversight.Rectification;

/// <summary>The office's moves on the 整改 ledger: propose, confirm (number and working-day deadline), drop, update,
/// close (reviewer and the data check), reopen, 责任追究. Every status change is a row of rectification_event.</summary>
public static class RectificationLedger
{
    private const string Select = """
        SELECT i.item_id, i.source, i.kind, i.source_ref, i.source_ids, i.finding_month, i.center_code, c.center_name, i.window_code,
               i.description, i.requirement, i.doc_number, i.assigned_on, i.working_days, i.deadline, i.responsible,
               i.status AS status_name, i.measures, i.evidence, i.completed_on, i.reviewer, i.reviewed_on, i.override_reason, i.returned_count
        FROM rectification_item AS i LEFT JOIN dim_center AS c USING (center_code)
        """;

    /// <summary>Inserts the proposals not yet in the ledger; returns how many were new.</summary>
    public static int Propose(DuckDBConnection connection, IEnumerable<Proposal> proposals, DateOnly today)
    {
        var added = 0;
        foreach (var p in proposals)
        {
            var requirement = connection.ExecuteScalar<string?>("SELECT requirement FROM seed_rectification_kinds WHERE kind = $kind", new { kind = p.Kind })
                              ?? throw new RectificationException(Messages.UnknownRectificationKind(p.Kind));
            var id = connection.ExecuteScalar<long?>("""
                INSERT INTO rectification_item (source_key, source, kind, source_ref, source_ids, finding_month, center_code, window_code,
                                                staff_id, description, requirement, proposed_on, status)
                VALUES ($key, $source, $kind, $ref, $ids, $month, $center, $window, $staff, $description, $requirement, $today, $status)
                ON CONFLICT (source_key) DO NOTHING
                RETURNING item_id
                """, new
            {
                key = p.SourceKey, source = p.Source, kind = p.Kind, @ref = p.SourceRef, ids = p.SourceIds.Count == 0 ? null : string.Join("、", p.SourceIds),
                month = p.FindingMonth.ToDateTime(TimeOnly.MinValue), center = p.CenterCode, window = p.WindowCode, staff = p.StaffId,
                description = FreeTextMask.Mask(p.Description), requirement, today = today.ToDateTime(TimeOnly.MinValue),
                status = RectificationStatus.Proposed.Name(),
            });
            if (id is not { } itemId) continue;
            Event(connection, itemId, Messages.RectifySystemActor, null, RectificationStatus.Proposed, p.SourceRef, today.ToDateTime(TimeOnly.MinValue));
            added++;
        }
        return added;
    }

    /// <summary>A manual item (source 手工 or another class), proposed and confirmed at once by the person entering it.</summary>
    public static RectificationItem AddManual(DuckDBConnection connection, string source, string centerCode, string? windowCode,
        string description, string? requirement, string actor, DateOnly today)
    {
        if (!RectificationSources.All.Contains(source))
            throw new RectificationException(Messages.UnknownSource(source, RectificationSources.All));
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM dim_center WHERE center_code = $c", new { c = centerCode }) == 0)
            throw new RectificationException(Messages.UnknownCenter(centerCode));
        var key = ProposalKeys.Manual();
        Propose(connection, [new Proposal(key, source, "manual", null, [], new DateOnly(today.Year, today.Month, 1), centerCode, windowCode, null, description)], today);
        var id = connection.ExecuteScalar<long>("SELECT item_id FROM rectification_item WHERE source_key = $key", new { key });
        if (!string.IsNullOrWhiteSpace(requirement))
            connection.Execute("UPDATE rectification_item SET requirement = $r WHERE item_id = $id", new { r = FreeTextMask.Mask(requirement.Trim()), id });
        return Confirm(connection, id.ToString(System.Globalization.CultureInfo.InvariantCulture), actor, today, null);
    }

    public static RectificationItem Find(DuckDBConnection connection, string reference)
    {
        var r = reference.Trim();
        var item = long.TryParse(r, out var id)
            ? connection.QueryFirstOrDefault<RectificationItem>(Select + " WHERE i.item_id = $id", new { id })
            : connection.QueryFirstOrDefault<RectificationItem>(Select + " WHERE i.doc_number = $r", new { r });
        return item ?? throw new RectificationException(Messages.NotInLedger(reference));
    }

    public static List<RectificationItem> All(DuckDBConnection connection) =>
        connection.Query<RectificationItem>(Select + " ORDER BY i.doc_year NULLS LAST, i.doc_seq, i.item_id").ToList();

    /// <summary>Assigns a proposal: the year's next number and the deadline, its source class's working days after today
    /// on the official calendar (with the county's calendar feed).</summary>
    public static RectificationItem Confirm(DuckDBConnection connection, string reference, string actor, DateOnly today, int? workingDays)
    {
        var item = Find(connection, reference);
        Require(item, RectificationStatus.Assigned, RectificationStatuses.OfficeMay);
        var days = workingDays ?? connection.ExecuteScalar<int?>("SELECT working_days FROM core_rectification_setting WHERE source = $s", new { s = item.Source })
                   ?? throw new RectificationException(Messages.NoDeadlineSetting(item.Source));
        if (days < 1) throw new RectificationException(Messages.DeadlineAtLeastOneDay);
        var deadline = Assessment.Appeals.Calendar(connection).AddWorkingDays(today, days);
        var seq = connection.ExecuteScalar<int>("SELECT coalesce(max(doc_seq), 0) + 1 FROM rectification_item WHERE doc_year = $y", new { y = today.Year });
        var number = Messages.RectifyDocNumber(today.Year, seq);
        connection.Execute("""
            UPDATE rectification_item SET status = $status, doc_year = $y, doc_seq = $seq, doc_number = $number, assigned_on = $today,
                working_days = $days, deadline = $deadline WHERE item_id = $id
            """, new { status = RectificationStatus.Assigned.Name(), y = today.Year, seq, number, today = today.ToDateTime(TimeOnly.MinValue), days, deadline = deadline.ToDateTime(TimeOnly.MinValue), id = item.ItemId });
        Event(connection, item.ItemId, actor, item.Status, RectificationStatus.Assigned, Messages.AssignedEvent(number, days, deadline), Now(today));
        return Find(connection, item.ItemId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Drop(DuckDBConnection connection, string reference, string actor, string? reason, DateOnly today)
    {
        var item = Find(connection, reference);
        Require(item, RectificationStatus.Dropped, RectificationStatuses.OfficeMay);
        connection.Execute("UPDATE rectification_item SET status = $status WHERE item_id = $id",
            new { status = RectificationStatus.Dropped.Name(), id = item.ItemId });
        Event(connection, item.ItemId, actor, item.Status, RectificationStatus.Dropped, reason, Now(today));
    }

    /// <summary>What a township reports: status (整改中 / 申请销号), measures, evidence, the person responsible, the date
    /// the work was done. The same rules as the 整改反馈 feed.</summary>
    public static void Update(DuckDBConnection connection, string reference, string actor, RectificationStatus? status, string? measures,
        string? evidence, string? responsible, DateOnly? completedOn, DateOnly today)
    {
        var item = Find(connection, reference);
        var to = status ?? item.Status;
        if (!item.Status.IsOpen()) throw new RectificationException(Messages.CannotReport(item.Label, item.StatusName));
        Require(item, to, RectificationStatuses.TownshipMay);
        if (completedOn is { } done && item.AssignedOn is { } assigned && done < assigned)
            throw new RectificationException(Messages.CompletedBeforeAssigned(done, assigned));
        connection.Execute("""
            UPDATE rectification_item SET status = $to, measures = coalesce($measures, measures), evidence = coalesce($evidence, evidence),
                responsible = coalesce($responsible, responsible), completed_on = coalesce($done, completed_on) WHERE item_id = $id
            """, new
        {
            to = to.Name(), measures = FreeTextMask.Mask(measures?.Trim()), evidence = FreeTextMask.Mask(evidence?.Trim()),
            responsible = FreeTextMask.Mask(responsible?.Trim()), done = completedOn?.ToDateTime(TimeOnly.MinValue), id = item.ItemId,
        });
        Event(connection, item.ItemId, actor, item.Status, to, FreeTextMask.Mask(measures?.Trim()), Now(today));
    }

    /// <summary>销号: needs a reviewer; a measurable item whose data has not improved needs an explicit override reason,
    /// recorded with the close. Returns the data check it was closed on.</summary>
    public static DataCheck Close(DuckDBConnection connection, string reference, string reviewer, DateOnly reviewedOn, string? overrideReason)
    {
        if (string.IsNullOrWhiteSpace(reviewer)) throw new RectificationException(Messages.ReviewerRequired);
        var item = Find(connection, reference);
        Require(item, RectificationStatus.Closed, RectificationStatuses.OfficeMay);
        if (string.IsNullOrWhiteSpace(item.Measures))
            throw new RectificationException(Messages.NoMeasures(item.Label));
        var check = DataChecks.For(connection, item, reviewedOn);
        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : FreeTextMask.Mask(overrideReason.Trim());
        if (check.Verdict == DataVerdict.NotImproved && reason is null)
            throw new RectificationException(Messages.NotImprovedNeedsOverride(item.Label, check.Text));
        connection.Execute("""
            UPDATE rectification_item SET status = $status, reviewer = $reviewer, reviewed_on = $on,
                override_reason = CASE WHEN $notImproved THEN $reason END WHERE item_id = $id
            """, new { status = RectificationStatus.Closed.Name(), reviewer = FreeTextMask.Mask(reviewer.Trim()), on = reviewedOn.ToDateTime(TimeOnly.MinValue), notImproved = check.Verdict == DataVerdict.NotImproved, reason, id = item.ItemId });
        Event(connection, item.ItemId, reviewer.Trim(), item.Status, RectificationStatus.Closed,
            check.Verdict == DataVerdict.NotImproved ? Messages.ReviewerNote(check.Text, reason) : check.Text, Now(reviewedOn));
        return check;
    }

    /// <summary>退回重改: a 销号 request refused, or a closed item reopened (both count against the township).</summary>
    public static void Reopen(DuckDBConnection connection, string reference, string actor, string reason, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new RectificationException(Messages.ReturnNeedsReason);
        var item = Find(connection, reference);
        Require(item, RectificationStatus.Returned, RectificationStatuses.OfficeMay);
        connection.Execute("UPDATE rectification_item SET status = $status, returned_count = returned_count + 1, reviewer = NULL, reviewed_on = NULL, override_reason = NULL WHERE item_id = $id",
            new { status = RectificationStatus.Returned.Name(), id = item.ItemId });
        Event(connection, item.ItemId, actor, item.Status, RectificationStatus.Returned, FreeTextMask.Mask(reason.Trim()), Now(today));
    }

    /// <summary>责任追究 against an item (约谈, 通报批评, 诫勉谈话, 组织处理 …), kept in rectification_accountability and
    /// noted in the item's history; the assessment of the period it was decided in prints it in its appendix.</summary>
    public static void Hold(DuckDBConnection connection, string reference, string measure, string? person, string decidedBy, DateOnly decidedOn, string? note)
    {
        if (!Accountability.Measures.Contains(measure.Trim()))
            throw new RectificationException(Messages.UnknownMeasure(measure, Accountability.Measures));
        var item = Find(connection, reference);
        if (item.DocNumber is null) throw new RectificationException(Messages.NotAssignedYet(item.Label));
        connection.Execute("""
            INSERT INTO rectification_accountability (item_id, measure, person, decided_on, decided_by, note)
            VALUES ($id, $measure, $person, $on, $by, $note)
            """, new { id = item.ItemId, measure = measure.Trim(), person = FreeTextMask.Mask(person?.Trim()), on = decidedOn.ToDateTime(TimeOnly.MinValue),
            by = FreeTextMask.Mask(decidedBy.Trim()), note = FreeTextMask.Mask(note?.Trim()) });
        // In the item's history too, beside its status changes (the status itself does not move).
        Event(connection, item.ItemId, decidedBy.Trim(), item.Status, item.Status,
            Messages.AccountabilityEvent(measure.Trim(), person?.Trim()), Now(decidedOn));
    }

    private static void Require(RectificationItem item, RectificationStatus to, Func<RectificationStatus, RectificationStatus, bool> allowed)
    {
        if (!allowed(item.Status, to))
            throw new RectificationException(Messages.StatusChangeRefused(item.Label, item.StatusName, to.Name()));
    }

    /// <summary>The event's time: now when the day is today, else the day given (a back-dated review).</summary>
    private static DateTime Now(DateOnly day) => day == DateOnly.FromDateTime(DateTime.Now) ? DateTime.Now : day.ToDateTime(new TimeOnly(12, 0));

    internal static void Event(DuckDBConnection connection, long itemId, string actor, RectificationStatus? from, RectificationStatus to, string? note, DateTime at) =>
        connection.Execute("""
            INSERT INTO rectification_event (item_id, changed_at, actor, from_status, to_status, note)
            VALUES ($id, $at, $actor, $from, $to, $note)
            """, new { id = itemId, at, actor = FreeTextMask.Mask(actor), from = from?.Name(), to = to.Name(), note = FreeTextMask.Mask(note) });
}
