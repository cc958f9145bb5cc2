FROM debian:12-slim
# The URL's '?' and '&' (quoted in the RUN) are quoted in the fix too.
#! BD032
#! fix curl -fsSLo /tmp/install.sh 'https://example.com/install.sh?ref=main&os=linux' && echo "<sha256>  /tmp/install.sh" | sha256sum -c - && sh /tmp/install.sh
RUN curl -fsSL "https://example.com/install.sh?ref=main&os=linux" | sh
# A script name the shell would read: quoted (inside the checksum line's double quotes it needs nothing).
#! BD032
#! fix wget -qO '/tmp/setup(1).sh' 'https://example.com/setup(1).sh' && echo "<sha256>  /tmp/setup(1).sh" | sha256sum -c - && bash '/tmp/setup(1).sh'
RUN wget -qO- 'https://example.com/setup(1).sh' | bash
