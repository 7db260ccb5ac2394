namespace Segmentation.Delivery.Dispatch;

internal enum EspResultKind
{
    Answered,
    TimedOut,
    Unreachable,
    Guarded,
}
