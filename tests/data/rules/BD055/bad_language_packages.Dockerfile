FROM python:3.12-slim
#! BD055
RUN pip install --no-cache-dir flask requests==2.32.3
#! BD055
RUN python -m pip install --no-cache-dir -U pip
#! BD055
RUN npm install -g typescript
#! BD055
RUN yarn global add pm2@latest
#! BD055
RUN gem install bundler
#! BD055
RUN go install golang.org/x/tools/gopls@latest
#! BD055
RUN ["pip3", "install", "--no-cache-dir", "gunicorn"]
