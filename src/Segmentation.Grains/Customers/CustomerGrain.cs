using Microsoft.Extensions.Options;
using Segmentation.Domain.Profiles;
using Segmentation.Domain.Views;
using Segmentation.Grains.Indexing;
using Segmentation.Grains.Rfm;
using Segmentation.Runtime;
using Segmentation.Tracking;

namespace Segmentation.Grains.Customers;

/// <summary>
/// One customer: a log-fed grain whose state is the live profile. Tracking calls are applied in log order; a
/// known customer that sees an anonymous id (identify with both ids, or alias) claims it, and the anonymous
/// profile merges its history in and forwards later events. Changes of RFM input and email go to their shards.
/// </summary>
[GrainType("customer")]
public sealed class CustomerGrain(RfmCutPointsCache cutPoints, IOptions<CustomerProfileOptions> options) : Grain, IDurableGrain
{
    private CustomerGrainState _state = new();

    public static GrainId IdOf(string customerId) => new("customer", customerId);

    public ValueTask ApplyAsync(LogRecord record, CancellationToken cancellationToken)
    {
        switch (record.Kind)
        {
            case RecordKinds.Tracking:
                ApplyTracking(record);
                break;
            case RecordKinds.Link:
                ApplyLink(record);
                break;
            case RecordKinds.Merge:
                ApplyMerge(record);
                break;
            default:
                throw new InvalidOperationException($"A customer does not take records of kind '{record.Kind}'.");
        }

        PublishChanges(record);
        return ValueTask.CompletedTask;
    }

    public ValueTask<CustomerLookup> LookupAsync()
    {
        var profile = _state.Profile;
        var view = profile.IsEmpty
            ? null
            : CustomerProfileViewBuilder.Build(profile, TimeProvider.GetUtcNow(), cutPoints.Current, options.Value.Lifecycle);
        return ValueTask.FromResult(new CustomerLookup(GrainId.Key, !profile.IsEmpty, _state.MergedInto, view));
    }

    /// <summary>The ids whose profiles were merged into this customer (anonymous ids it claimed), in ordinal order.</summary>
    public ValueTask<IReadOnlyList<string>> GetMergedSourcesAsync() =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. _state.MergedSources.Order(StringComparer.Ordinal)]);

    public byte[] WriteSnapshot() => CustomerGrainStateSerializer.Serialize(_state);

    public void ReadSnapshot(ReadOnlySpan<byte> snapshot) => _state = CustomerGrainStateSerializer.Deserialize(snapshot);

    private void ApplyTracking(LogRecord record)
    {
        if (_state.MergedInto is { } target)
        {
            // This anonymous id belongs to a known customer now: its events go there (deduped by message id).
            AppendDurable(new DurableMessage(IdOf(target), RecordKinds.Tracking, record.Payload, record.Time));
            return;
        }

        var message = TrackingMessageSerializer.Deserialize(record.Payload);
        _state.Profile.Apply(message);
        if (message.UserId == GrainId.Key)
        {
            Claim(message.AnonymousId, record.Time);
            if (message.Type == TrackingMessageType.Alias)
            {
                Claim(message.PreviousId, record.Time);
            }
        }
    }

    private void Claim(string? anonymousId, DateTimeOffset time)
    {
        if (anonymousId is null || anonymousId == GrainId.Key || !_state.LinkedAnonymousIds.Add(anonymousId))
        {
            return;
        }

        AppendDurable(new DurableMessage(IdOf(anonymousId), RecordKinds.Link, System.Text.Encoding.UTF8.GetBytes(GrainId.Key), time));
    }

    private void ApplyLink(LogRecord record)
    {
        var target = System.Text.Encoding.UTF8.GetString(record.Payload);
        if (_state.MergedInto is not null || target == GrainId.Key)
        {
            return;
        }

        _state.MergedInto = target;
        if (!_state.Profile.IsEmpty)
        {
            var profile = CustomerProfileSerializer.Serialize(_state.Profile);
            AppendDurable(new DurableMessage(IdOf(target), RecordKinds.Merge, MergePayload.Encode(GrainId.Key, profile), record.Time));
            _state.Profile = new CustomerProfile();
        }
    }

    private void ApplyMerge(LogRecord record)
    {
        var (source, profile) = MergePayload.Decode(record.Payload);
        if (_state.MergedSources.Add(source))
        {
            _state.Profile.MergeFrom(CustomerProfileSerializer.Deserialize(profile.Span));
        }
    }

    private void PublishChanges(LogRecord record)
    {
        var merged = _state.MergedInto is not null;
        var rfm = merged ? null : _state.Profile.GetRfmInput();
        if (rfm != _state.ReportedRfm)
        {
            _state.ReportedRfm = rfm;
            var update = new RfmUpdate(GrainId.Key, record.Offset, rfm);
            AppendDurable(new DurableMessage(RfmShardGrain.IdOf(Shards.For(GrainId.Key)), RecordKinds.RfmUpdate, update.Encode(), record.Time));
        }

        var email = merged ? null : EmailUpdate.Normalize(_state.Profile.Email);
        if (email != _state.ReportedEmail)
        {
            if (_state.ReportedEmail is { } previous)
            {
                SendEmailUpdate(new EmailUpdate(GrainId.Key, record.Offset, previous, Present: false), record.Time);
            }

            if (email is not null)
            {
                SendEmailUpdate(new EmailUpdate(GrainId.Key, record.Offset, email, Present: true), record.Time);
            }

            _state.ReportedEmail = email;
        }
    }

    private void SendEmailUpdate(EmailUpdate update, DateTimeOffset time) =>
        AppendDurable(new DurableMessage(EmailIndexGrain.IdOf(Shards.For(update.Email)), RecordKinds.EmailUpdate, update.Encode(), time));
}
