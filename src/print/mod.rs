//! Packet printing in tcpdump 4.99's format.
